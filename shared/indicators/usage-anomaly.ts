import { isoDateFromDays } from '../inventory/calendar';
import type { StockEvent } from '../model';
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

/**
 * The explanation with the person's name where it names them by id: a person's flag begins with
 * the id (`USR-ALEX issued 112 on …`), kept as data so both ends word it alike, while a reader at
 * the screen knows people by name.
 */
export function explanationNaming(
  flag: Pick<UsageAnomaly, 'actorId' | 'explanation'>,
  nameOf: (userId: string) => string,
): string {
  const { actorId, explanation } = flag;
  if (actorId === undefined || !explanation.startsWith(`${actorId} `)) return explanation;
  return `${nameOf(actorId)}${explanation.slice(actorId.length)}`;
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

/** Units used per key (an item-location) and day; `digestDailyUsage` answers it. */
export type UsageSeries = Map<string, Map<number, number>>;

/** One item-location's usage over a window, and each person's share of it: `units[day − first]`. */
interface PlaceUsage {
  locationId: string;
  itemId: string;
  units: Float64Array;
  people: Map<string, Float64Array>;
}

/**
 * Usage summed per item-location and per person there, over exactly the days a judgement reads:
 * the judged days and the baseline weeks before the first of them. Days are dense arrays, not
 * maps, since a facility's year is some 300,000 rows and every judged day reads its baseline
 * weeks back (figure 11).
 */
export interface UsageWindow {
  readonly days: { from: number; to: number };
  readonly options: UsageAnomalyOptions;
  /** The first day any judged day's baseline reads; earlier usage changes no flag. */
  readonly first: number;
  /** Adds units used on `day`; a day outside the window is ignored. */
  add(
    locationId: string,
    itemId: string,
    actorId: string | undefined,
    day: number,
    units: number,
  ): void;
  readonly places: ReadonlyMap<string, ReadonlyMap<string, PlaceUsage>>;
}

export function usageWindow(
  days: { from: number; to: number },
  options: UsageAnomalyOptions = DEFAULT_ANOMALY_OPTIONS,
): UsageWindow {
  const first = days.from - 7 * options.baselineWeeks;
  const length = Math.max(0, days.to - first + 1);
  const places = new Map<string, Map<string, PlaceUsage>>();
  return {
    days,
    options,
    first,
    places,
    add(locationId, itemId, actorId, day, units) {
      if (day < first || day > days.to) return;
      let items = places.get(locationId);
      if (!items) places.set(locationId, (items = new Map()));
      let place = items.get(itemId);
      if (!place) {
        place = { locationId, itemId, units: new Float64Array(length), people: new Map() };
        items.set(itemId, place);
      }
      place.units[day - first] = (place.units[day - first] ?? 0) + units;
      if (actorId === undefined) return;
      let own = place.people.get(actorId);
      if (!own) place.people.set(actorId, (own = new Float64Array(length)));
      own[day - first] = (own[day - first] ?? 0) + units;
    },
  };
}

/** Flags for the days `from`..`to` (days since 1970-01-01), from the events up to `to`. */
export function usageAnomalies(
  events: Iterable<StockEvent>,
  days: { from: number; to: number },
  options: UsageAnomalyOptions = DEFAULT_ANOMALY_OPTIONS,
): UsageAnomaly[] {
  const window = usageWindow(days, options);
  for (const event of events) {
    const used = usageOf(event);
    const day = dayOf(event.occurredAt);
    if (used === 0 || day === undefined) continue;
    window.add(event.locationId, event.itemId, event.actorId, day, used);
  }
  return windowAnomalies(window);
}

/**
 * The flags of the window's judged days, each against the baseline weeks before it: per
 * item-location, and per person at it.
 */
export function windowAnomalies(window: UsageWindow): UsageAnomaly[] {
  const { days, options, first } = window;
  const flags: UsageAnomaly[] = [];
  // The spread is never below 1, so a flag needs used − median ≥ both of these.
  const excess = Math.max(options.minExcess, options.threshold);
  const weeks = options.baselineWeeks;
  // The median is at least the ⌊(n−1)/2⌋-th smallest of n values (shared/indicators/stats.ts).
  const needAtMost = Math.floor((weeks - 1) / 2) + 1;
  const judge = (
    usage: Float64Array,
    where: { locationId: string; itemId: string },
    actorId: string | undefined,
  ) => {
    for (let day = days.from; day <= days.to; day += 1) {
      const at = day - first;
      const used = usage[at] ?? 0;
      if (used <= 0) continue;
      // Most days are ordinary: unless enough baseline days lie at least `excess` below this
      // one, the median cannot either, and the day is passed over without building a baseline.
      let atMost = 0;
      for (let week = 1; week <= weeks && atMost < needAtMost; week++) {
        if ((usage[at - 7 * week] ?? 0) <= used - excess) atMost += 1;
      }
      if (atMost < needAtMost) continue;
      const baseline = Array.from({ length: weeks }, (_, week) => usage[at - 7 * (week + 1)] ?? 0);
      const median = medianOf(baseline) ?? 0;
      const scale = robustScale(baseline, median);
      const madsAbove = (used - median) / scale;
      if (madsAbove < options.threshold || used - median < options.minExcess) continue;
      const low = quantile(baseline, 0.1) ?? 0;
      const high = quantile(baseline, 0.9) ?? 0;
      const weekday = WEEKDAYS[((day % 7) + 7) % 7] ?? 'day';
      const mad = medianOf(baseline.map((v) => Math.abs(v - median))) ?? 0;
      const who = actorId !== undefined ? `${actorId} issued` : 'issued';
      flags.push({
        kind: actorId !== undefined ? 'person' : 'item-location',
        date: isoDateFromDays(day),
        locationId: where.locationId,
        itemId: where.itemId,
        ...(actorId !== undefined ? { actorId } : {}),
        used,
        median,
        mad,
        typical: { low, high },
        madsAbove,
        explanation: `${who} ${used} on ${isoDateFromDays(day)}; a typical ${weekday} is ${low}–${high} (median ${median}, MAD ${mad}${scale !== mad ? `, spread taken as ${scale.toFixed(1)}` : ''}); ${madsAbove.toFixed(1)} MADs above`,
      });
    }
  };
  for (const items of window.places.values()) {
    for (const place of items.values()) {
      judge(place.units, place, undefined);
      for (const [actorId, own] of place.people) judge(own, place, actorId);
    }
  }
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
