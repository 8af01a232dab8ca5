import type { Balance } from '../inventory/balance';
import type { StockBalance } from './item-location';
import { dayOf } from './period';

export const EXPIRY_HORIZONS = [30, 60, 90] as const;

export interface ExpiryBand {
  /** Expiring within this many days of `today` (today included), not yet expired. */
  withinDays: number;
  units: number;
  value: number;
}

export interface ExpiryExposure {
  bands: ExpiryBand[];
  /** Already past expiry and still on the shelf. */
  expired: { units: number; value: number };
  /** The balances behind the figures, soonest expiry first. */
  lots: (Pick<Balance, 'locationId' | 'itemId' | 'lotCode' | 'onHand'> & {
    expiry: string;
    daysLeft: number;
    value: number;
  })[];
}

/**
 * Units and value on hand that expire within 30, 60 and 90 days (the bands are cumulative: the
 * 60-day band holds the 30-day one). A lot with no expiry never expires; an item with no unit cost
 * counts its units at value 0.
 */
export function expiryExposure(
  balances: Iterable<StockBalance>,
  unitCost: (itemId: string) => number | undefined,
  today: string,
  horizons: readonly number[] = EXPIRY_HORIZONS,
): ExpiryExposure {
  const now = dayOf(today) ?? 0;
  const lots: ExpiryExposure['lots'] = [];
  for (const b of balances) {
    if (b.onHand <= 0 || b.expiry === undefined) continue;
    const expires = dayOf(b.expiry);
    if (expires === undefined) continue;
    lots.push({
      locationId: b.locationId,
      itemId: b.itemId,
      lotCode: b.lotCode,
      onHand: b.onHand,
      expiry: b.expiry,
      daysLeft: expires - now,
      value: b.onHand * (unitCost(b.itemId) ?? 0),
    });
  }
  lots.sort((a, b) => a.daysLeft - b.daysLeft || a.itemId.localeCompare(b.itemId));
  const sum = (pick: (l: (typeof lots)[number]) => boolean) =>
    lots.filter(pick).reduce((t, l) => ({ units: t.units + l.onHand, value: t.value + l.value }), {
      units: 0,
      value: 0,
    });
  return {
    bands: horizons.map((withinDays) => ({
      withinDays,
      ...sum((l) => l.daysLeft >= 0 && l.daysLeft <= withinDays),
    })),
    expired: sum((l) => l.daysLeft < 0),
    lots: lots.filter((l) => l.daysLeft <= Math.max(...horizons)),
  };
}
