import { foldLedger } from '../inventory/ledger-fold';
import type { ParLevel, StockEvent } from '../model';
import { expiryExposure, type ExpiryBand, type ExpiryExposure } from './expiry-exposure';
import { availableByItemLocation, splitItemLocation, type StockBalance } from './item-location';
import { dayOf } from './period';
import { stockedOutOn } from './stockouts';
import { stockoutRisksOfUsage, type StockoutRisk } from './stockout-risk';
import { dailyUsage } from './usage';

type LeadTimes = Iterable<Pick<ParLevel, 'locationId' | 'itemId' | 'leadTimeDays'>>;

/**
 * A facility's stock as it stands now (not over a period: the balances are today's): the
 * item-locations out of stock, those that will run out before an order can arrive, and the lots
 * about to expire. The records behind the console's "now" columns.
 */
export interface StockNowRecords {
  /** Nothing available and usage in the last 30 days (the `stockouts` definition, today). */
  atZero: { locationId: string; itemId: string }[];
  /** Fewer days of cover than the par level's lead time, the shortest cover first. */
  risks: StockoutRisk[];
  expiry: ExpiryExposure;
}

/** The counts of those records, as the console compares facilities. */
export interface StockNow {
  stockoutsNow: number;
  atRiskNow: number;
  /** Units and value expiring within 30, 60 and 90 days (cumulative bands). */
  expiring: ExpiryBand[];
}

/** The records from balances and usage already kept (the centre's projection and daily totals). */
export function stockNowRecords(
  balances: readonly StockBalance[],
  usage: ReadonlyMap<string, ReadonlyMap<number, number>>,
  parLevels: LeadTimes,
  unitCost: (itemId: string) => number | undefined,
  today: string,
): StockNowRecords {
  const day = dayOf(today) ?? 0;
  return {
    atZero: stockedOutOn(availableByItemLocation(balances), usage, day).map(splitItemLocation),
    risks: stockoutRisksOfUsage(balances, usage, parLevels, today),
    expiry: expiryExposure(balances, unitCost, today),
  };
}

export function stockNowOf(records: StockNowRecords): StockNow {
  return {
    stockoutsNow: records.atZero.length,
    atRiskNow: records.risks.length,
    expiring: records.expiry.bands,
  };
}

/** The same figures by the definitions, straight from the facility's events. */
export function stockNowFromEvents(
  events: Iterable<StockEvent>,
  parLevels: LeadTimes,
  unitCost: (itemId: string) => number | undefined,
  today: string,
): StockNow {
  const list = [...events];
  const balances = [...foldLedger(list).balances.values()];
  return stockNowOf(stockNowRecords(balances, dailyUsage(list), parLevels, unitCost, today));
}
