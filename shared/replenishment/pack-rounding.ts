import { formatQuantity } from './wording';

/** Suppliers ship whole packs: a shortfall becomes the smallest multiple of the pack that covers it. */
export function roundUpToPack(shortfall: number, orderMultiple: number): number {
  if (shortfall <= 0) return 0;
  return Math.ceil(shortfall / orderMultiple) * orderMultiple;
}

/** "order 110, rounded up to 150 (packs of 50)" — or plain "order 100" when nothing was rounded. */
export function orderPhrase(shortfall: number, ordered: number, orderMultiple: number): string {
  const packs = orderMultiple === 1 ? 'whole units' : `packs of ${orderMultiple}`;
  if (ordered === shortfall) {
    return orderMultiple === 1 ? `order ${ordered}` : `order ${ordered} (${packs})`;
  }
  return `order ${formatQuantity(shortfall)}, rounded up to ${ordered} (${packs})`;
}

/** An order multiple from the item master is a positive whole number; anything else is bad data. */
export function isOrderMultiple(value: number | undefined): value is number {
  return value !== undefined && Number.isInteger(value) && value >= 1;
}
