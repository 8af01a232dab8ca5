import type { StockEvent } from '../model';
import { itemLocationKey } from './item-location';
import { dayOf } from './period';

/** Usage is what leaves the stockroom for patients: issues, less returns from the ward. */
export function usageOf(event: StockEvent): number {
  if (event.type === 'issue') return event.quantity;
  if (event.type === 'return') return -event.quantity;
  return 0;
}

/** Units used per item-location and day (days since 1970-01-01). */
export function dailyUsage(events: Iterable<StockEvent>): Map<string, Map<number, number>> {
  const usage = new Map<string, Map<number, number>>();
  for (const event of events) {
    const used = usageOf(event);
    const day = dayOf(event.occurredAt);
    if (used === 0 || day === undefined) continue;
    const key = itemLocationKey(event.locationId, event.itemId);
    const days = usage.get(key) ?? new Map<number, number>();
    days.set(day, (days.get(day) ?? 0) + used);
    usage.set(key, days);
  }
  return usage;
}

/** Units used in the `window` days ending with `day` (inclusive). */
export function usedInWindow(
  days: ReadonlyMap<number, number> | undefined,
  day: number,
  window: number,
): number {
  if (!days) return 0;
  let total = 0;
  for (const [d, units] of days) if (d <= day && d > day - window) total += units;
  return total;
}
