import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  robustScale,
  usageWindow,
  windowAnomalies,
  type UsageAnomalyOptions,
  type UsageSeries,
} from '../../shared/indicators';
import { median } from '../../shared/indicators/stats';

/**
 * windowAnomalies passes over a day without building its baseline when too few baseline days lie
 * far enough below it, and reads only the days of its window. This holds both to the rule written
 * out in full over every day the usage holds: each day with usage judged by its median and spread,
 * whatever the usage (sparse, steady, returns below zero) and whatever the options.
 */
function flaggedInFull(
  series: UsageSeries,
  days: { from: number; to: number },
  options: UsageAnomalyOptions,
): string[] {
  const flagged: string[] = [];
  for (const [key, usage] of series) {
    for (let day = days.from; day <= days.to; day++) {
      const used = usage.get(day) ?? 0;
      if (used <= 0) continue;
      const baseline = Array.from(
        { length: options.baselineWeeks },
        (_, week) => usage.get(day - 7 * (week + 1)) ?? 0,
      );
      const middle = median(baseline) ?? 0;
      const madsAbove = (used - middle) / robustScale(baseline, middle);
      if (madsAbove >= options.threshold && used - middle >= options.minExcess)
        flagged.push(`${key}@${day}:${used}/${middle}/${madsAbove.toFixed(6)}`);
    }
  }
  return flagged.sort();
}

const usageArb = fc.dictionary(
  fc.integer({ min: 0, max: 140 }).map(String),
  fc.oneof(
    fc.integer({ min: -4, max: 3 }),
    fc.integer({ min: 0, max: 30 }),
    fc.integer({ min: 20, max: 90 }),
  ),
  { maxKeys: 120 },
);

describe('usage anomaly flags: the ordinary-day shortcut and the window', () => {
  it('flags exactly the days the rule written out in full flags', () => {
    fc.assert(
      fc.property(
        // Places, each with one or two people whose usage sums to the place's.
        fc.array(fc.array(usageArb, { minLength: 1, maxLength: 2 }), {
          minLength: 1,
          maxLength: 4,
        }),
        fc.record({
          baselineWeeks: fc.integer({ min: 1, max: 14 }),
          threshold: fc.double({ min: 0.5, max: 8, noNaN: true }),
          minExcess: fc.integer({ min: 0, max: 12 }),
        }),
        fc.integer({ min: 0, max: 140 }),
        (places, options, from) => {
          const days = { from, to: 140 };
          const window = usageWindow(days, options);
          const byPlace: UsageSeries = new Map();
          const byPerson: UsageSeries = new Map();
          places.forEach((people, n) => {
            const place = `LOC-${n}\u0000ITM-${n}`;
            const total = new Map<number, number>();
            people.forEach((usage, p) => {
              const own = new Map<number, number>();
              for (const [key, units] of Object.entries(usage)) {
                const day = Number(key);
                own.set(day, units);
                total.set(day, (total.get(day) ?? 0) + units);
                window.add(`LOC-${n}`, `ITM-${n}`, `USR-${p}`, day, units);
              }
              byPerson.set(`${place}\u0000USR-${p}`, own);
            });
            byPlace.set(place, total);
          });
          const found = windowAnomalies(window)
            .map(
              (f) =>
                `${[f.locationId, f.itemId, ...(f.actorId ? [f.actorId] : [])].join('\u0000')}@${(Date.parse(f.date) / 86_400_000).toString()}:${f.used}/${f.median}/${f.madsAbove.toFixed(6)}`,
            )
            .sort();
          expect(found).toEqual(
            [
              ...flaggedInFull(byPlace, days, options),
              ...flaggedInFull(byPerson, days, options),
            ].sort(),
          );
        },
      ),
      { numRuns: 400 },
    );
  });
});
