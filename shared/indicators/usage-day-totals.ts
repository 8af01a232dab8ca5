import type { StockEvent } from '../model';
import { itemLocationKey } from './item-location';
import { dayOf } from './period';
import { usageOf } from './usage';
import { anomaliesOfSeries, personKey, type UsageAnomaly, type UsageSeries } from './usage-anomaly';

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
  const byPlace: UsageSeries = new Map();
  const byPerson: UsageSeries = new Map();
  const add = (series: UsageSeries, key: string, day: number, units: number) => {
    const perDay = series.get(key) ?? new Map<number, number>();
    perDay.set(day, (perDay.get(day) ?? 0) + units);
    series.set(key, perDay);
  };
  for (const total of totals) {
    if (total.day > days.to) continue;
    const place = itemLocationKey(total.locationId, total.itemId);
    add(byPlace, place, total.day, total.units);
    add(byPerson, personKey(place, total.actorId), total.day, total.units);
  }
  return anomaliesOfSeries(byPlace, byPerson, days);
}
