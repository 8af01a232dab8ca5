import { useMemo } from 'react';
import {
  COUNT_AWAITING_APPROVAL,
  countReviewQueue,
  decisionIdFor,
  type CountReviewLine,
} from '../../shared/inventory/count-review';
import type { StockEvent } from '../../shared/model';
import { useServices } from './services';
import { useStockData } from './stock-data';
import { useLiveQuery } from './use-live';

/**
 * How far back the queue looks for counts awaiting approval. Events carry no type index, so the
 * query walks the `occurredAt` index: a count left undecided for longer than this drops off the
 * PC's queue (the centre still holds it).
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
  const pending = useLiveQuery(db.stock_events, {
    selector: { occurredAt: { $gte: since }, type: 'count', reason: COUNT_AWAITING_APPROVAL },
  });
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
