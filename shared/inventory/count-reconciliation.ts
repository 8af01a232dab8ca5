import { normaliseLotCode } from '../model';
import type { StockEvent } from '../model';
import { type Balance, balanceKey } from './balance';

/**
 * Counting stock while it moves.
 *
 * A count event carries what was counted and what the counting PC's ledger said at that moment
 * (`expectedQuantity`). Its effect is the difference, counted − expected, added at the count's
 * place in the canonical order. Movements the counting PC did not know about — made on another PC
 * during the count, or recorded between the count and its sync — are therefore kept, not
 * overwritten by a "set on-hand to N". The one thing a delta cannot know is whether such an
 * unknown movement physically happened before the shelf was counted; when the ledger in time order
 * disagrees with `expectedQuantity`, the fold reports `count-basis-differs` for a recount.
 *
 * That is also why `expectedQuantity` is captured when each line is counted (`recordCount`), not
 * when the sheet is printed: an issue between printing and counting would otherwise be counted
 * twice.
 */

export function countDelta(
  count: Pick<StockEvent, 'countedQuantity' | 'expectedQuantity'>,
): number {
  return (count.countedQuantity ?? 0) - (count.expectedQuantity ?? 0);
}

/** One line to count: no quantity on it, so the count is blind. */
export interface CountLine {
  key: string;
  locationId: string;
  itemId: string;
  lotCode: string;
  expiry?: string;
}

export interface CountSheet {
  locationId: string;
  lines: CountLine[];
}

export interface CountSheetOptions {
  /** Count only these items (a cycle count); all items when absent. */
  itemIds?: readonly string[];
  /** Also list lots the ledger says are at zero (a full stocktake looks for them too). */
  includeEmpty?: boolean;
}

function compareLines(a: CountLine, b: CountLine): number {
  const text = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
  // Lots without expiry after dated ones, the order they usually sit on a FEFO shelf.
  const expiry = (l: CountLine) => l.expiry ?? '\uffff';
  return text(a.itemId, b.itemId) || text(expiry(a), expiry(b)) || text(a.lotCode, b.lotCode);
}

/**
 * The lines to count at a location, without the quantities the ledger expects: the counter counts
 * what is there, not what the screen says should be there. Negative balances are listed because
 * they are the ones most in need of a count.
 */
export function countSheet(
  balances: Iterable<Balance>,
  locationId: string,
  options: CountSheetOptions = {},
): CountSheet {
  const items = options.itemIds ? new Set(options.itemIds) : undefined;
  const lines: CountLine[] = [];
  for (const b of balances) {
    if (b.locationId !== locationId || (items && !items.has(b.itemId))) continue;
    if (!options.includeEmpty && b.onHand === 0 && b.quarantined === 0) continue;
    const lotCode = normaliseLotCode(b.lotCode);
    lines.push({
      key: balanceKey(locationId, b.itemId, lotCode),
      locationId,
      itemId: b.itemId,
      lotCode,
      ...(b.expiry !== undefined ? { expiry: b.expiry } : {}),
    });
  }
  return { locationId, lines: lines.sort(compareLines) };
}

/** The fields of a count event that counting decides; the app adds id, device, actor and time. */
export type CountDraft = Pick<
  StockEvent,
  'type' | 'locationId' | 'itemId' | 'lotCode' | 'quantity'
> & {
  type: 'count';
  countedQuantity: number;
  expectedQuantity: number;
  expiry?: string;
  countSessionId?: string;
};

export type CountEntry =
  | { ok: true; draft: CountDraft }
  | { ok: false; error: { code: 'counted-invalid'; message: string } };

export type CountTarget = Pick<CountLine, 'locationId' | 'itemId' | 'lotCode' | 'expiry'>;

/**
 * Turns one counted line into a count event draft, capturing what the ledger says right now. A lot
 * found that is not on the sheet is counted the same way: the ledger expects 0 of it. Only counted
 * lines make drafts, so a partial count changes nothing it did not count.
 */
export function recordCount(
  line: CountTarget,
  countedQuantity: number,
  ledgerNow: ReadonlyMap<string, Balance>,
  countSessionId?: string,
): CountEntry {
  if (
    !Number.isSafeInteger(countedQuantity) ||
    countedQuantity < 0 ||
    countedQuantity > 1_000_000
  ) {
    return {
      ok: false,
      error: {
        code: 'counted-invalid',
        message: 'Enter the number of units you counted: a whole number, 0 if the shelf is empty.',
      },
    };
  }
  const lotCode = normaliseLotCode(line.lotCode);
  const balance = ledgerNow.get(balanceKey(line.locationId, line.itemId, lotCode));
  const expiry = line.expiry ?? balance?.expiry;
  return {
    ok: true,
    draft: {
      type: 'count',
      locationId: line.locationId,
      itemId: line.itemId,
      lotCode,
      quantity: 0,
      countedQuantity,
      expectedQuantity: balance?.onHand ?? 0,
      ...(expiry !== undefined ? { expiry } : {}),
      ...(countSessionId !== undefined ? { countSessionId } : {}),
    },
  };
}

/** A line is within tolerance when |variance| ≤ units, or |variance %| ≤ percent. */
export interface CountTolerance {
  percent: number;
  units: number;
}
export const DEFAULT_COUNT_TOLERANCE: CountTolerance = { percent: 5, units: 0 };

export interface CountRecord {
  id?: string;
  locationId: string;
  itemId: string;
  lotCode: string;
  countedQuantity: number;
  expectedQuantity: number;
}

export interface VarianceLine extends CountRecord {
  variance: number;
  /** Variance as a percentage of |expected|; null when nothing was expected but some was found. */
  variancePercent: number | null;
  withinTolerance: boolean;
}

export interface VarianceReport {
  lines: VarianceLine[];
  /** The lines a supervisor must approve. */
  outsideTolerance: VarianceLine[];
  /** Sheet lines nobody counted: they change nothing. */
  notCounted: CountLine[];
  totals: { counted: number; expected: number; variance: number };
}

/** The count events of one session, as records for `varianceReport`. */
export function sessionCounts(events: Iterable<StockEvent>, countSessionId: string): CountRecord[] {
  const records: CountRecord[] = [];
  for (const e of events) {
    if (e.type !== 'count' || e.countSessionId !== countSessionId) continue;
    if (e.countedQuantity === undefined || e.expectedQuantity === undefined) continue;
    records.push({
      id: e.id,
      locationId: e.locationId,
      itemId: e.itemId,
      lotCode: normaliseLotCode(e.lotCode),
      countedQuantity: e.countedQuantity,
      expectedQuantity: e.expectedQuantity,
    });
  }
  return records;
}

export function varianceReport(
  counts: readonly CountRecord[],
  options: { sheet?: CountSheet; tolerance?: CountTolerance } = {},
): VarianceReport {
  const tolerance = options.tolerance ?? DEFAULT_COUNT_TOLERANCE;
  const lines = counts.map((c): VarianceLine => {
    const variance = c.countedQuantity - c.expectedQuantity;
    const variancePercent =
      c.expectedQuantity !== 0
        ? (variance / Math.abs(c.expectedQuantity)) * 100
        : variance === 0
          ? 0
          : null;
    const withinTolerance =
      Math.abs(variance) <= tolerance.units ||
      (variancePercent !== null && Math.abs(variancePercent) <= tolerance.percent);
    return { ...c, variance, variancePercent, withinTolerance };
  });
  const counted = new Set(counts.map((c) => balanceKey(c.locationId, c.itemId, c.lotCode)));
  const sum = (pick: (l: VarianceLine) => number) => lines.reduce((s, l) => s + pick(l), 0);
  return {
    lines,
    outsideTolerance: lines.filter((l) => !l.withinTolerance),
    notCounted: (options.sheet?.lines ?? []).filter((l) => !counted.has(l.key)),
    totals: {
      counted: sum((l) => l.countedQuantity),
      expected: sum((l) => l.expectedQuantity),
      variance: sum((l) => l.variance),
    },
  };
}
