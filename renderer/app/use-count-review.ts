import { useMemo } from 'react';
import { parseIsoDate } from '../../shared/inventory/calendar';
import {
  countReviewQueue,
  decisionIdFor,
  type CountReviewLine,
} from '../../shared/inventory/count-review';
import type { StockEvent } from '../../shared/model';
import { useServices } from './services';
import { useStockData } from './stock-data';
import { useLedgerDigest } from './use-ledger-digest';
import { useLiveQuery } from './use-live';

/**
 * How far back the queue looks for counts awaiting approval. Events carry no type index, so they
 * are read from the window's digest of the recent ledger (which keeps them as they arrive): a
 * count left undecided for longer than this drops off the PC's queue (the centre still holds it).
 */
export const COUNT_REVIEW_DAYS = 90;

/** The facility's counts awaiting a supervisor, oldest first, live. */
export function useCountReviewQueue(now = new Date()): {
  lines: CountReviewLine[];
  loading: boolean;
} {
  const { db } = useServices();
  const { itemById } = useStockData();
  // A day's start, so the query's selector changes once a day, not on every render.
  const since = `${new Date(now.getTime() - COUNT_REVIEW_DAYS * 86_400_000).toISOString().slice(0, 10)}T00:00:00.000Z`;
  // A day earlier in the digest: an instant written with an offset names its local date.
  const ledger = useLedgerDigest((parseIsoDate(since.slice(0, 10)) ?? 0) - 1);
  const pending = useMemo(
    () => ({
      docs: ledger
        ? [...ledger.digest.pending.values()]
            .filter((e) => e.occurredAt >= since)
            .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
        : [],
      loading: !ledger,
    }),
    // `ledger.version` moves on as the digest (changed in place) takes new events.
    [ledger?.digest, ledger?.version, since],
  );
  const decisionIds = useMemo(
    () => pending.docs.map((e: StockEvent) => decisionIdFor(e.id)),
    [pending.docs],
  );
  const decisions = useLiveQuery(db.stock_events, { selector: { id: { $in: decisionIds } } });
  const lines = useMemo(
    () =>
      countReviewQueue(
        pending.docs,
        new Set(decisions.docs.map((d) => d.id)),
        (itemId) => itemById.get(itemId)?.unitCost,
      ),
    [pending.docs, decisions.docs, itemById],
  );
  return { lines, loading: pending.loading || decisions.loading };
}
