import type { SupplyRequest } from '../model';
import { effectiveLines } from '../replenishment/substitution';
import { inPeriod, type Period } from './period';
import { share } from './stats';

/** One requested item of a request, and what its first delivery brought of it. */
export interface FillRecord {
  requestId: string;
  itemId: string;
  requested: number;
  firstDelivery: number;
  filled: boolean;
  receivedAt: string;
}

export interface FillRate {
  lines: number;
  linesFilled: number;
  units: number;
  unitsFilled: number;
  /** Lines filled complete on the first delivery, over lines; null with no line in the period. */
  lineRate: number | null;
  /** Units of the first delivery (never more than requested), over units requested. */
  unitRate: number | null;
  records: FillRecord[];
}

/**
 * Line and unit fill rate over the requests whose first delivery was received in the period: a
 * line is filled when the first receipt brought all of it. The same item on two lines of a request
 * is one line of their sum (a receipt names items, not lines). A receipt naming no lines brought
 * everything, as the request machine reads it.
 */
export function fillRate(
  requests: Iterable<Pick<SupplyRequest, 'id' | 'lines' | 'history' | 'substitutions'>>,
  period: Period,
): FillRate {
  const records: FillRecord[] = [];
  for (const request of requests) {
    const first = request.history.find((e) => e.status === 'received');
    if (!first || !inPeriod(first.at, period)) continue;
    const wanted = new Map<string, number>();
    // An accepted substitute is the line the ward agreed to; a line it cancelled is not counted.
    for (const line of effectiveLines(request)) {
      wanted.set(line.itemId, (wanted.get(line.itemId) ?? 0) + line.quantity);
    }
    for (const [itemId, requested] of wanted) {
      const brought = first.lines
        ? first.lines.filter((l) => l.itemId === itemId).reduce((sum, l) => sum + l.quantity, 0)
        : requested;
      const firstDelivery = Math.min(brought, requested);
      records.push({
        requestId: request.id,
        itemId,
        requested,
        firstDelivery,
        filled: firstDelivery >= requested,
        receivedAt: first.at,
      });
    }
  }
  const linesFilled = records.filter((r) => r.filled).length;
  const units = records.reduce((sum, r) => sum + r.requested, 0);
  const unitsFilled = records.reduce((sum, r) => sum + r.firstDelivery, 0);
  return {
    lines: records.length,
    linesFilled,
    units,
    unitsFilled,
    lineRate: share(linesFilled, records.length),
    unitRate: share(unitsFilled, units),
    records,
  };
}
