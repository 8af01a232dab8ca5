import { normaliseLotCode } from '../model';
import type { Balance } from './balance';
import { isExpired } from './expiry';

/**
 * Whether a lot is under an open recall; shared/recall supplies it from the notices it knows. The
 * expiry is needed for notices that name an expiry window rather than lots.
 */
export type IsRecalled = (itemId: string, lotCode: string, expiry?: string) => boolean;
export const noRecalls: IsRecalled = () => false;

/** On-hand split so that available + quarantined + expired = onHand. */
export interface StockSplit {
  onHand: number;
  available: number;
  quarantined: number;
  expired: number;
}

export interface LotAvailability extends StockSplit {
  balance: Balance;
  recalled: boolean;
  /** True when the lot's expiry date is before `today`. */
  lotExpired: boolean;
}

/**
 * Splits one balance for `today`.
 * - A recalled lot is wholly quarantined, whatever the quarantine events say: the recall blocks it
 *   at the next scan even before anyone has moved it to the quarantine shelf.
 * - Otherwise the explicitly quarantined units are quarantined (never more than is on hand: the
 *   fold reports the excess as an anomaly), and the rest is expired or available by the lot expiry.
 * - A negative on-hand (an issue synced before its receipt) stays in `available` as a negative
 *   number, so totals still add up and replenishment nets the debt instead of hiding it.
 */
export function splitBalance(
  balance: Balance,
  today: string,
  isRecalled: IsRecalled,
): LotAvailability {
  const onHand = balance.onHand;
  const recalled = isRecalled(balance.itemId, normaliseLotCode(balance.lotCode), balance.expiry);
  const lotExpired = isExpired(balance.expiry, today);
  const positive = Math.max(onHand, 0);
  const quarantined = recalled ? positive : Math.min(Math.max(balance.quarantined, 0), positive);
  const rest = onHand - quarantined;
  const expired = lotExpired && rest > 0 ? rest : 0;
  return { balance, recalled, lotExpired, onHand, quarantined, expired, available: rest - expired };
}

function emptySplit(): StockSplit {
  return { onHand: 0, available: 0, quarantined: 0, expired: 0 };
}

function addInto(total: StockSplit, part: StockSplit): void {
  total.onHand += part.onHand;
  total.available += part.available;
  total.quarantined += part.quarantined;
  total.expired += part.expired;
}

export function itemLocationKey(locationId: string, itemId: string): string {
  return `${locationId}\u0000${itemId}`;
}

export interface ItemLocationStock extends StockSplit {
  locationId: string;
  itemId: string;
}

export interface ItemStock extends StockSplit {
  itemId: string;
}

export interface AvailabilitySummary {
  lots: LotAvailability[];
  /** Keyed by `itemLocationKey(locationId, itemId)`. */
  byItemLocation: Map<string, ItemLocationStock>;
  /** The whole facility, keyed by item id. */
  byItem: Map<string, ItemStock>;
}

export function summariseAvailability(
  balances: Iterable<Balance>,
  today: string,
  isRecalled: IsRecalled,
): AvailabilitySummary {
  const lots: LotAvailability[] = [];
  const byItemLocation = new Map<string, ItemLocationStock>();
  const byItem = new Map<string, ItemStock>();
  for (const balance of balances) {
    const lot = splitBalance(balance, today, isRecalled);
    lots.push(lot);
    const key = itemLocationKey(balance.locationId, balance.itemId);
    let atLocation = byItemLocation.get(key);
    if (!atLocation) {
      atLocation = { locationId: balance.locationId, itemId: balance.itemId, ...emptySplit() };
      byItemLocation.set(key, atLocation);
    }
    addInto(atLocation, lot);
    let facility = byItem.get(balance.itemId);
    if (!facility) {
      facility = { itemId: balance.itemId, ...emptySplit() };
      byItem.set(balance.itemId, facility);
    }
    addInto(facility, lot);
  }
  return { lots, byItemLocation, byItem };
}
