import { useEffect, useMemo, useState } from 'react';
import { flagsWithDecisions, type FlagWithDecision } from '../../shared/indicators';
import type { AnomalyDecision } from '../../shared/model';
import {
  ANOMALY_DECISIONS_DOC,
  heldDecisionsOf,
  type HeldDecision,
} from '../store/anomaly-decisions-local';
import { digestFlags, flagsWindow } from './dashboard-folds';
import { useServices } from './services';
import { useLedgerDigest } from './use-ledger-digest';

export interface ShownFlag extends FlagWithDecision {
  held: HeldDecision | undefined;
}

/**
 * The facility's usage anomaly flags of the last week, computed here from the local ledger (the
 * same window and rules as the console's queue), each with the decision this PC holds on it.
 * A decision the centre refused leaves its flag open, with the refusal beside it.
 */
export function useAnomalyFlags(today: string): { flags: ShownFlag[]; loading: boolean } {
  const { db, facilityId } = useServices();
  const window = useMemo(() => flagsWindow(today), [today]);
  // The issues of the window, summed per day from the window's digest of the ledger.
  const ledger = useLedgerDigest(window.since);
  const [held, setHeld] = useState<HeldDecision[]>([]);
  useEffect(() => {
    const subscription = db
      .getLocal$(ANOMALY_DECISIONS_DOC)
      .subscribe((doc) => setHeld(heldDecisionsOf(doc?.toJSON().data)));
    return () => subscription.unsubscribe();
  }, [db]);
  // Usually folded in an idle moment before this visit (dashboard-folds.ts); `ledger` is a new
  // object whenever the digest (changed in place) takes new events.
  const flags = useMemo(() => (ledger ? digestFlags(ledger, window) : []), [ledger, window]);
  const shown = useMemo(() => {
    const byId = new Map(held.map((h) => [h.decision.id, h]));
    const standing = new Map<string, AnomalyDecision>(
      held.filter((h) => h.state !== 'refused').map((h) => [h.decision.id, h.decision]),
    );
    return flagsWithDecisions(facilityId, flags, standing).map((f) => ({
      ...f,
      held: byId.get(f.id),
    }));
  }, [facilityId, flags, held]);
  return { flags: shown, loading: !ledger };
}
