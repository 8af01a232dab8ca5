import { useEffect, useMemo, useSyncExternalStore } from 'react';
import type { LedgerDigest } from '../../shared/indicators';
import { ledgerDigestOf } from '../store/ledger-digest-keeper';
import { localToday, useServices } from './services';

/**
 * The window's digest of the recent ledger once it holds every event from `since` (days since
 * 1970-01-01) on; undefined while it is first read. Re-renders when an event is folded in. The
 * answer keeps its identity until the digest changes, so screens can memoise on it.
 */
export function useLedgerDigest(
  since: number,
): { digest: LedgerDigest; version: number } | undefined {
  const { db } = useServices();
  const keeper = ledgerDigestOf(db, localToday());
  const state = useSyncExternalStore(keeper.subscribe, keeper.current);
  useEffect(() => keeper.cover(since), [keeper, since]);
  const digest = state.digest && state.digest.since <= since ? state.digest : undefined;
  const version = state.version;
  return useMemo(() => (digest ? { digest, version } : undefined), [digest, version]);
}
