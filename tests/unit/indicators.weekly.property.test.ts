import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { byWeek, mondayOf, weeklyShare } from '../../shared/indicators';
import { daysFromCivil, isoDateFromDays } from '../../shared/inventory/calendar';

const START = daysFromCivil(2026, 1, 1);
const record = fc.record({
  day: fc.integer({ min: START - 20, max: START + 200 }),
  hour: fc.integer({ min: 0, max: 23 }),
  ok: fc.boolean(),
});
const at = (r: { day: number; hour: number }) =>
  `${isoDateFromDays(r.day)}T${String(r.hour).padStart(2, '0')}:30:00Z`;

describe('weekly bucketing agrees with a direct fold', () => {
  it('puts each record of the period in the week of its Monday, once, and every week is there', () => {
    fc.assert(
      fc.property(
        fc.array(record, { maxLength: 200 }),
        fc.integer({ min: 0, max: 60 }),
        fc.integer({ min: 0, max: 120 }),
        (records, offset, length) => {
          const first = START + offset;
          const last = first + length;
          const period = { from: isoDateFromDays(first), to: isoDateFromDays(last) };
          const weeks = byWeek(records, at, period);
          // The direct fold: count per Monday by walking back to it one day at a time.
          const expected = new Map<string, number>();
          for (const r of records) {
            if (r.day < first || r.day > last) continue;
            let monday = r.day;
            while (new Date(monday * 86_400_000).getUTCDay() !== 1) monday -= 1;
            const key = isoDateFromDays(monday);
            expected.set(key, (expected.get(key) ?? 0) + 1);
          }
          for (const w of weeks) {
            expect(new Date(`${w.week}T00:00:00Z`).getUTCDay()).toBe(1);
            expect(w.records.length).toBe(expected.get(w.week) ?? 0);
          }
          expect(weeks.reduce((t, w) => t + w.records.length, 0)).toBe(
            [...expected.values()].reduce((t, n) => t + n, 0),
          );
          // Consecutive weeks from the one holding the first day to the one holding the last.
          expect(weeks[0]?.week).toBe(isoDateFromDays(mondayOf(first)));
          expect(weeks.at(-1)?.week).toBe(isoDateFromDays(mondayOf(last)));
          weeks.slice(1).forEach((w, i) => {
            expect(Date.parse(w.week) - Date.parse(weeks[i]!.week)).toBe(7 * 86_400_000);
          });
          const shares = weeklyShare(weeks, (r) => r.ok);
          shares.forEach((s, i) => {
            const list = weeks[i]!.records;
            expect(s.share).toBe(
              list.length === 0 ? null : list.filter((r) => r.ok).length / list.length,
            );
          });
        },
      ),
    );
  });
});
