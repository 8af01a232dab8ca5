import { applyEvents } from '../inventory/ledger-fold';
import { createLedgerState } from '../inventory/ledger-state';
import { isoDateFromDays } from '../inventory/calendar';
import type { StockEvent } from '../model';
import { availableByItemLocation, splitItemLocation } from './item-location';
import { dayOf, periodDays, type Period } from './period';
import { dailyUsage, usedInWindow } from './usage';

/** An item-location counts as used when it was issued from within this many days. */
export const USAGE_WINDOW_DAYS = 30;

export interface StockoutDay {
  date: string;
  locationId: string;
  itemId: string;
}

export interface Stockouts {
  /** Item-locations at zero available at the end of the period, with usage in the 30 days before. */
  atZero: { locationId: string; itemId: string }[];
  /** Item-location days at zero (end of day) with usage in the 30 days to that day. */
  stockoutDays: number;
  /** Stockout days per day of the period, for a trend. */
  byDay: { date: string; itemLocations: number }[];
  /** The days behind the figure. */
  days: StockoutDay[];
}

/**
 * Stockouts over a period: the ledger is folded day by day (every event up to the end of a day, in
 * the ledger's own fold), and each item-location that ends a day with nothing available while it
 * was used in the 30 days to that day is a stockout day.
 */
export function stockouts(events: readonly StockEvent[], period: Period): Stockouts {
  const days = periodDays(period);
  if (!days) return noStockouts();
  const usage = dailyUsage(events);
  const byDayOfEvent = new Map<number, StockEvent[]>();
  const before: StockEvent[] = [];
  for (const event of events) {
    const day = dayOf(event.occurredAt);
    if (day === undefined || day > days.last) continue;
    if (day < days.first) before.push(event);
    else {
      const list = byDayOfEvent.get(day);
      if (list) list.push(event);
      else byDayOfEvent.set(day, [event]);
    }
  }
  const state = createLedgerState();
  applyEvents(state, before);
  const result = noStockouts();
  for (let day = days.first; day <= days.last; day += 1) {
    applyEvents(state, byDayOfEvent.get(day) ?? []);
    const out = stockedOutOn(availableByItemLocation(state.balances.values()), usage, day);
    noteStockoutDay(result, day, out, day === days.last);
  }
  return result;
}

export const noStockouts = (): Stockouts => ({ atZero: [], stockoutDays: 0, byDay: [], days: [] });

/** Adds one day's stockouts (`stockedOutOn`'s answer) to the result; the last day's are at zero. */
export function noteStockoutDay(
  result: Stockouts,
  day: number,
  out: readonly string[],
  last: boolean,
): void {
  const date = isoDateFromDays(day);
  result.byDay.push({ date, itemLocations: out.length });
  result.stockoutDays += out.length;
  for (const key of out) result.days.push({ date, ...splitItemLocation(key) });
  if (last) result.atZero = out.map(splitItemLocation);
}

/** The item-locations used in the window to `day` that have nothing available, sorted. */
export function stockedOutOn(
  available: ReadonlyMap<string, number>,
  usage: ReadonlyMap<string, ReadonlyMap<number, number>>,
  day: number,
): string[] {
  const out: string[] = [];
  for (const [key, days] of usage) {
    if (isStockedOut(available.get(key) ?? 0, usedInWindow(days, day, USAGE_WINDOW_DAYS))) {
      out.push(key);
    }
  }
  return out.sort();
}

/** The definition: nothing available at the end of a day, and used in the window to that day. */
export function isStockedOut(available: number, usedInWindow: number): boolean {
  return usedInWindow > 0 && available <= 0;
}
