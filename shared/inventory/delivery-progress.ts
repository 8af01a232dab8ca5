import type { Delivery } from '../model';

export type DeliveryLineState = 'waiting' | 'short' | 'complete' | 'over';

export interface DeliveryLineProgress {
  itemId: string;
  lotCode?: string;
  expected: number;
  received: number;
  /** Units still expected; never negative. */
  remaining: number;
  state: DeliveryLineState;
  /** The state in words, for the line's row. */
  words: string;
}

export interface Receipt {
  itemId: string;
  quantity: number;
}

/**
 * How far a delivery is received, line by line. Receipts are summed per item (a line names an
 * item, and sometimes the lot the supplier announced); an item received beyond its lines is "over"
 * so the person sees it as it happens rather than at month end.
 */
export function deliveryProgress(
  delivery: Pick<Delivery, 'lines'>,
  receipts: readonly Receipt[],
): DeliveryLineProgress[] {
  const receivedOf = new Map<string, number>();
  for (const r of receipts) receivedOf.set(r.itemId, (receivedOf.get(r.itemId) ?? 0) + r.quantity);
  return delivery.lines.map((line) => {
    // Several lines of one item share its receipts in line order.
    const left = receivedOf.get(line.itemId) ?? 0;
    const isLastOfItem = delivery.lines.filter((l) => l.itemId === line.itemId).at(-1) === line;
    const received = isLastOfItem ? left : Math.min(left, line.quantity);
    receivedOf.set(line.itemId, left - received);
    const remaining = Math.max(line.quantity - received, 0);
    const state: DeliveryLineState =
      received === 0
        ? 'waiting'
        : received < line.quantity
          ? 'short'
          : received === line.quantity
            ? 'complete'
            : 'over';
    const words = {
      waiting: `Waiting: ${line.quantity} expected`,
      short: `${remaining} still to come`,
      complete: 'Complete',
      over: `Over by ${received - line.quantity}`,
    }[state];
    return {
      itemId: line.itemId,
      ...(line.lotCode ? { lotCode: line.lotCode } : {}),
      expected: line.quantity,
      received,
      remaining,
      state,
      words,
    };
  });
}

/** What a scan of this item should offer to receive: what remains of its lines, else nothing. */
export function remainingFor(progress: readonly DeliveryLineProgress[], itemId: string): number {
  return progress.filter((p) => p.itemId === itemId).reduce((sum, p) => sum + p.remaining, 0);
}
