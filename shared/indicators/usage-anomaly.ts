import { isoDateFromDays } from '../inventory/calendar';
import type { StockEvent } from '../model';
import { itemLocationKey, splitItemLocation } from './item-location';
import { dayOf } from './period';
import { median as medianOf, quantile } from './stats';
import { usageOf } from './usage';

/**
 * Usage anomaly flags, explainable and bounded: each day's usage of an item at a location (and of
 * one person) is compared with the same weekday over the past weeks, by median and MAD (median
 * absolute deviation), which a few odd days cannot drag. A flag only says what it saw; a person
 * dismisses or confirms it.
 */
export interface UsageAnomalyOptions {
  /** Weeks of the same weekday the baseline looks back over. */
  baselineWeeks: number;
  /** Flag when usage is this many MADs above the median. */
  threshold: number;
  /** And at least this many units above it, so that 3 where 1 is usual is not an alarm. */
  minExcess: number;
}

export const DEFAULT_ANOMALY_OPTIONS: UsageAnomalyOptions = {
  baselineWeeks: 12,
  threshold: 5,
  minExcess: 5,
};

export interface UsageAnomaly {
  kind: 'item-location' | 'person';
  date: string;
  locationId: string;
  itemId: string;
  /** Set for a person's unusual removals. */
  actorId?: string;
  used: number;
  median: number;
  mad: number;
  /** The 10th to 90th percentile of the baseline days: what a usual day looks like. */
  typical: { low: number; high: number };
  /** (used − median) / scale, where scale is the MAD or, for sparse usage, its fallback. */
  madsAbove: number;
  /** The statistics in words, for the person who decides. */
  explanation: string;
}

const WEEKDAYS = ['Thursday', 'Friday', 'Saturday', 'Sunday', 'Monday', 'Tuesday', 'Wednesday'];

/**
 * The spread a day is measured against: the MAD of the baseline, but never less than the MAD that
 * counting noise alone gives (units issued one by one scatter like a Poisson count, whose MAD is
 * about 0.6745·√median), since twelve quiet weeks can show a MAD of 1 by chance. With sparse usage
 * most baseline days are 0 and the MAD is 0: then the mean absolute deviation from the median
 * stands in, and at least one unit.
 */
export function robustScale(baseline: readonly number[], median: number): number {
  const deviations = baseline.map((v) => Math.abs(v - median));
  const mad = medianOf(deviations) ?? 0;
  const noise = 0.6745 * Math.sqrt(Math.max(0, median));
  if (mad > 0) return Math.max(mad, noise);
  const mean = deviations.reduce((t, d) => t + d, 0) / Math.max(1, deviations.length);
  return Math.max(1, mean, noise);
}

function add(series: UsageSeries, key: string, day: number, units: number): void {
  const days = series.get(key) ?? new Map<number, number>();
  days.set(day, (days.get(day) ?? 0) + units);
  series.set(key, days);
}

/** Units used per key (an item-location, or an item-location and a person) and day. */
export type UsageSeries = Map<string, Map<number, number>>;

/** The place key of a person's series: `itemLocationKey` and the actor, NUL-separated. */
export const personKey = (place: string, actorId: string) => `${place}\u0000${actorId}`;

/** Flags for the days `from`..`to` (days since 1970-01-01), from the events up to `to`. */
export function usageAnomalies(
  events: Iterable<StockEvent>,
  days: { from: number; to: number },
  options: UsageAnomalyOptions = DEFAULT_ANOMALY_OPTIONS,
): UsageAnomaly[] {
  const byPlace: UsageSeries = new Map();
  const byPerson: UsageSeries = new Map();
  for (const event of events) {
    const used = usageOf(event);
    const day = dayOf(event.occurredAt);
    if (used === 0 || day === undefined || day > days.to) continue;
    const place = itemLocationKey(event.locationId, event.itemId);
    add(byPlace, place, day, used);
    add(byPerson, personKey(place, event.actorId), day, used);
  }
  return anomaliesOfSeries(byPlace, byPerson, days, options);
}

/**
 * The flags of series already summed per day (by the events, or by a day summary of them): only
 * the days `from`..`to` are judged, against the baseline weeks before each.
 */
export function anomaliesOfSeries(
  byPlace: UsageSeries,
  byPerson: UsageSeries,
  days: { from: number; to: number },
  options: UsageAnomalyOptions = DEFAULT_ANOMALY_OPTIONS,
): UsageAnomaly[] {
  const flags: UsageAnomaly[] = [];
  // The spread is never below 1, so a flag needs used − median ≥ both of these.
  const excess = Math.max(options.minExcess, options.threshold);
  const weeks = options.baselineWeeks;
  // The median is at least the ⌊(n−1)/2⌋-th smallest of n values (shared/indicators/stats.ts).
  const needAtMost = Math.floor((weeks - 1) / 2) + 1;
  const judge = (series: UsageSeries, kind: UsageAnomaly['kind']) => {
    for (const [key, usage] of series) {
      const [locationId = '', itemId = '', actorId] = key.split('\u0000');
      for (let day = days.from; day <= days.to; day += 1) {
        const used = usage.get(day) ?? 0;
        if (used <= 0) continue;
        // Most days are ordinary: unless enough baseline days lie at least `excess` below this
        // one, the median cannot either, and the day is passed over without building a baseline.
        let atMost = 0;
        for (let week = 1; week <= weeks && atMost < needAtMost; week++) {
          if ((usage.get(day - 7 * week) ?? 0) <= used - excess) atMost += 1;
        }
        if (atMost < needAtMost) continue;
        const baseline = Array.from(
          { length: options.baselineWeeks },
          (_, week) => usage.get(day - 7 * (week + 1)) ?? 0,
        );
        const median = medianOf(baseline) ?? 0;
        const scale = robustScale(baseline, median);
        const madsAbove = (used - median) / scale;
        if (madsAbove < options.threshold || used - median < options.minExcess) continue;
        const low = quantile(baseline, 0.1) ?? 0;
        const high = quantile(baseline, 0.9) ?? 0;
        const weekday = WEEKDAYS[((day % 7) + 7) % 7] ?? 'day';
        const mad = medianOf(baseline.map((v) => Math.abs(v - median))) ?? 0;
        const who = kind === 'person' ? `${actorId ?? 'someone'} issued` : 'issued';
        flags.push({
          kind,
          date: isoDateFromDays(day),
          ...splitItemLocation(itemLocationKey(locationId, itemId)),
          ...(kind === 'person' && actorId !== undefined ? { actorId } : {}),
          used,
          median,
          mad,
          typical: { low, high },
          madsAbove,
          explanation: `${who} ${used} on ${isoDateFromDays(day)}; a typical ${weekday} is ${low}–${high} (median ${median}, MAD ${mad}${scale !== mad ? `, spread taken as ${scale.toFixed(1)}` : ''}); ${madsAbove.toFixed(1)} MADs above`,
        });
      }
    }
  };
  judge(byPlace, 'item-location');
  judge(byPerson, 'person');
  return flags.sort(
    (a, b) =>
      a.date.localeCompare(b.date) ||
      a.itemId.localeCompare(b.itemId) ||
      a.kind.localeCompare(b.kind) ||
      (a.actorId ?? '').localeCompare(b.actorId ?? '') ||
      // Same item on the same day at two shelves: an order that does not hang on arrival order.
      a.locationId.localeCompare(b.locationId),
  );
}
