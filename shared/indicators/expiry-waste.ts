import type { StockEvent } from '../model';
import { isoDateFromDays } from '../inventory/calendar';
import { dayOf, inPeriod, type Period } from './period';

export interface MonthOfWaste {
  /** YYYY-MM */
  month: string;
  units: number;
  value: number;
  eventIds: string[];
}

/** Units an event throws away because they expired: a waste or a downward adjustment so reasoned. */
export function unitsWastedToExpiry(event: StockEvent): number {
  if (event.reason !== 'expired') return 0;
  if (event.type === 'waste') return event.quantity;
  if (event.type === 'adjust' && (event.delta ?? 0) < 0) return -(event.delta ?? 0);
  return 0;
}

/** Units and value wasted to expiry per calendar month of the period, oldest month first. */
export function expiryWasteByMonth(
  events: Iterable<StockEvent>,
  unitCost: (itemId: string) => number | undefined,
  period: Period,
): MonthOfWaste[] {
  const months = new Map<string, MonthOfWaste>();
  for (const event of events) {
    const units = unitsWastedToExpiry(event);
    if (units === 0 || !inPeriod(event.occurredAt, period)) continue;
    // The UTC month, as the period's days are UTC days.
    const month = isoDateFromDays(dayOf(event.occurredAt) ?? 0).slice(0, 7);
    const entry = months.get(month) ?? { month, units: 0, value: 0, eventIds: [] };
    entry.units += units;
    entry.value += units * (unitCost(event.itemId) ?? 0);
    entry.eventIds.push(event.id);
    months.set(month, entry);
  }
  return [...months.values()].sort((a, b) => a.month.localeCompare(b.month));
}
