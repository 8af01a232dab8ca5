import { isCountApproval, isPendingCount } from '../inventory/count-review';
import {
  DEFAULT_COUNT_TOLERANCE,
  varianceReport,
  type CountTolerance,
  type VarianceLine,
} from '../inventory/count-reconciliation';
import type { StockEvent } from '../model';
import { inPeriod, type Period } from './period';
import { share } from './stats';

export interface CountAccuracy {
  counts: number;
  withinTolerance: number;
  /** withinTolerance / counts; null when nothing was counted. */
  accuracy: number | null;
  /** The counts behind the figure, each with its variance. */
  lines: (VarianceLine & { eventId: string; occurredAt: string; pending: boolean })[];
}

/** A count that counts toward accuracy: not an approval repeating its figures, and with both quantities. */
export function isAccuracyCount(e: StockEvent): boolean {
  return (
    e.type === 'count' &&
    !isCountApproval(e) &&
    e.countedQuantity !== undefined &&
    e.expectedQuantity !== undefined
  );
}

/** One count's record as the variance report reads it. */
export function countRecordOf(e: StockEvent) {
  return {
    id: e.id,
    locationId: e.locationId,
    itemId: e.itemId,
    lotCode: e.lotCode,
    countedQuantity: e.countedQuantity ?? 0,
    expectedQuantity: e.expectedQuantity ?? 0,
  };
}

/**
 * The share of counts whose counted quantity was within the count tolerance of the book. A count
 * awaiting approval was still a count; its approval repeats its figures and is not counted again.
 */
export function countAccuracy(
  events: Iterable<StockEvent>,
  period: Period,
  tolerance: CountTolerance = DEFAULT_COUNT_TOLERANCE,
): CountAccuracy {
  const counts = [...events].filter((e) => isAccuracyCount(e) && inPeriod(e.occurredAt, period));
  const report = varianceReport(counts.map(countRecordOf), { tolerance });
  const lines = report.lines.map((line, at) => ({
    ...line,
    eventId: counts[at]?.id ?? '',
    occurredAt: counts[at]?.occurredAt ?? '',
    pending: counts[at] ? isPendingCount(counts[at]) : false,
  }));
  const within = lines.filter((l) => l.withinTolerance).length;
  return {
    counts: lines.length,
    withinTolerance: within,
    accuracy: share(within, lines.length),
    lines,
  };
}
