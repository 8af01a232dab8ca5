import type { StockEvent } from '../model';
import { dayOf } from './period';
import { usageOf } from './usage';
import { usageWindow, windowAnomalies, type UsageAnomaly } from './usage-anomaly';

/**
 * What one stock event adds to the usage of its item at its location, by its person, on its UTC
 * day. The centre keeps sums of these as events are written, so the usage flags of a facility read
 * a row per item, place, person and day instead of thirteen weeks of events on every queue listing.
 */
export interface UsageDayTotal {
  facilityId: string;
  /** Days since 1970-01-01 (UTC), as the flags count days. */
  day: number;
  locationId: string;
  itemId: string;
  actorId: string;
  /** Issued less returned from the ward: negative on a day of returns only. */
  units: number;
}

/** The event's share of the usage totals; undefined for an event that is not usage. */
export function usageDayTotal(event: StockEvent): UsageDayTotal | undefined {
  const units = usageOf(event);
  const day = dayOf(event.occurredAt);
  if (units === 0 || day === undefined) return undefined;
  return {
    facilityId: event.facilityId,
    day,
    locationId: event.locationId,
    itemId: event.itemId,
    actorId: event.actorId,
    units,
  };
}

/**
 * The usage flags of the days `from`..`to` from kept totals: the same series `usageAnomalies`
 * builds from the events themselves, so both answer the same flags (a property test holds it).
 */
export function anomaliesOfTotals(
  totals: Iterable<Omit<UsageDayTotal, 'facilityId'>>,
  days: { from: number; to: number },
): UsageAnomaly[] {
  const window = usageWindow(days);
  for (const t of totals) window.add(t.locationId, t.itemId, t.actorId, t.day, t.units);
  return windowAnomalies(window);
}
