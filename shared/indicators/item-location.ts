import type { Balance } from '../inventory/balance';

/** One item at one location, all lots together: what a nurse finds, or not, on the shelf. */
export const itemLocationKey = (locationId: string, itemId: string): string =>
  `${locationId}\u0000${itemId}`;

export function splitItemLocation(key: string): { locationId: string; itemId: string } {
  const [locationId = '', itemId = ''] = key.split('\u0000');
  return { locationId, itemId };
}

/** What the indicators read of a balance: the centre keeps no more than this of each lot. */
export type StockBalance = Pick<
  Balance,
  'locationId' | 'itemId' | 'lotCode' | 'onHand' | 'quarantined' | 'expiry'
>;

/** Units that can be used per item-location: on hand less quarantined, over every lot. */
export function availableByItemLocation(balances: Iterable<StockBalance>): Map<string, number> {
  const available = new Map<string, number>();
  for (const b of balances) {
    const key = itemLocationKey(b.locationId, b.itemId);
    available.set(key, (available.get(key) ?? 0) + b.onHand - b.quarantined);
  }
  return available;
}
