import type { Delivery, DeliveryDiscrepancy, DiscrepancyKind } from '../model';
import { deliveryProgress } from './delivery-progress';

/** A unit booked as received against the delivery (a receive event's item, lot and expiry). */
export interface ReceivedUnits {
  itemId: string;
  lotCode: string;
  expiry?: string;
  quantity: number;
}

/** Units of a line the receiver refused at the door and counts by hand. */
export interface ReportedAtDoor {
  itemId: string;
  damaged: number;
  expiredOnArrival: number;
}

/**
 * The discrepancy summary a delivery is closed with, for the buyer and the ERP. Measured from the
 * receipts: lines short or over, items not on the delivery, lots other than the one a line
 * announced, units whose expiry was already past on `today` (YYYY-MM-DD). Added from what the
 * receiver counted at the door: damaged units and expired units never received.
 */
export function discrepanciesAtClose(
  delivery: Pick<Delivery, 'lines'>,
  receipts: readonly ReceivedUnits[],
  reported: readonly ReportedAtDoor[],
  today: string,
): DeliveryDiscrepancy[] {
  const out: DeliveryDiscrepancy[] = [];
  const add = (kind: DiscrepancyKind, itemId: string, quantity: number, lotCode?: string) => {
    if (quantity <= 0) return;
    const same = out.find((d) => d.kind === kind && d.itemId === itemId && d.lotCode === lotCode);
    if (same) same.quantity += quantity;
    else out.push({ kind, itemId, ...(lotCode !== undefined ? { lotCode } : {}), quantity });
  };
  for (const line of deliveryProgress(delivery, receipts)) {
    if (line.state === 'short' || line.state === 'waiting')
      add('short', line.itemId, line.remaining);
    if (line.state === 'over') add('over', line.itemId, line.received - line.expected);
  }
  for (const r of receipts) {
    const lines = delivery.lines.filter((l) => l.itemId === r.itemId);
    if (lines.length === 0) add('not-on-delivery', r.itemId, r.quantity, r.lotCode);
    const announced = lines.map((l) => l.lotCode).filter((lot): lot is string => !!lot);
    // A line without an announced lot accepts any lot of its item.
    if (lines.length > 0 && announced.length === lines.length && !announced.includes(r.lotCode)) {
      add('wrong-lot', r.itemId, r.quantity, r.lotCode);
    }
    if (r.expiry !== undefined && r.expiry < today) {
      add('expired-on-arrival', r.itemId, r.quantity, r.lotCode);
    }
  }
  for (const door of reported) {
    add('damaged', door.itemId, door.damaged);
    add('expired-on-arrival', door.itemId, door.expiredOnArrival);
  }
  return out;
}

const WORDS: Readonly<Record<DiscrepancyKind, string>> = {
  short: 'short',
  over: 'over',
  'not-on-delivery': 'not on the delivery',
  damaged: 'damaged',
  'wrong-lot': 'wrong lot',
  'expired-on-arrival': 'expired on arrival',
};

/** One discrepancy in words: "12 short", "3 wrong lot (lot X1)". */
export function discrepancyWords(d: DeliveryDiscrepancy): string {
  return `${d.quantity} ${WORDS[d.kind]}${d.lotCode ? ` (lot ${d.lotCode})` : ''}`;
}

/** Why a closing cannot be taken as it is, or undefined. The PC writer and the centre both ask. */
export function closureProblem(
  delivery: Pick<Delivery, 'lines' | 'status'>,
  discrepancies: readonly DeliveryDiscrepancy[],
): string | undefined {
  if (delivery.status === 'cancelled')
    return 'the delivery was cancelled: there is nothing to close';
  const onDelivery = new Set(delivery.lines.map((l) => l.itemId));
  const stray = discrepancies.find(
    (d) => d.kind !== 'not-on-delivery' && !onDelivery.has(d.itemId),
  );
  if (stray) {
    return `item ${stray.itemId} is not on the delivery, so it can only be reported as not on the delivery`;
  }
  const listed = discrepancies.find(
    (d) => d.kind === 'not-on-delivery' && onDelivery.has(d.itemId),
  );
  if (listed) return `item ${listed.itemId} is on the delivery: it cannot be "not on the delivery"`;
  return undefined;
}
