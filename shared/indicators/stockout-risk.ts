import type { Balance } from '../inventory/balance';
import type { ParLevel, StockEvent } from '../model';
import { availableByItemLocation, itemLocationKey, type StockBalance } from './item-location';
import { dayOf } from './period';
import { USAGE_WINDOW_DAYS } from './stockouts';
import { dailyUsage, usedInWindow } from './usage';

export interface StockoutRisk {
  locationId: string;
  itemId: string;
  available: number;
  /** Average daily usage over the last 30 days. */
  dailyUsage: number;
  /** available / dailyUsage, in days. */
  daysOfCover: number;
  leadTimeDays: number;
}

/**
 * Item-locations whose days of cover (what is available over the average daily usage of the last
 * 30 days) are below the lead time of their par level: they will run out before an order arrives.
 * Item-locations with no usage, or no lead time set, carry no risk figure.
 */
export function stockoutRisks(
  balances: Iterable<Balance>,
  events: Iterable<StockEvent>,
  parLevels: Iterable<Pick<ParLevel, 'locationId' | 'itemId' | 'leadTimeDays'>>,
  today: string,
): StockoutRisk[] {
  return stockoutRisksOfUsage(balances, dailyUsage(events), parLevels, today);
}

/** The same risks from usage already summed per item-location and day (see `dailyUsage`). */
export function stockoutRisksOfUsage(
  balances: Iterable<StockBalance>,
  usage: ReadonlyMap<string, ReadonlyMap<number, number>>,
  parLevels: Iterable<Pick<ParLevel, 'locationId' | 'itemId' | 'leadTimeDays'>>,
  today: string,
): StockoutRisk[] {
  const day = dayOf(today) ?? 0;
  const available = availableByItemLocation(balances);
  const risks: StockoutRisk[] = [];
  for (const level of parLevels) {
    if (level.leadTimeDays === undefined) continue;
    const key = itemLocationKey(level.locationId, level.itemId);
    const perDay = usedInWindow(usage.get(key), day, USAGE_WINDOW_DAYS) / USAGE_WINDOW_DAYS;
    if (perDay <= 0) continue;
    const have = Math.max(0, available.get(key) ?? 0);
    const cover = have / perDay;
    if (cover < level.leadTimeDays) {
      risks.push({
        locationId: level.locationId,
        itemId: level.itemId,
        available: have,
        dailyUsage: perDay,
        daysOfCover: cover,
        leadTimeDays: level.leadTimeDays,
      });
    }
  }
  return risks.sort((a, b) => a.daysOfCover - b.daysOfCover || a.itemId.localeCompare(b.itemId));
}
