import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { recommendPar } from '../../shared/replenishment';
import { USAGE_PAR_EXAMPLES } from '../fixtures/replenishment/usage-par-examples';

describe('usage-based par: worked examples', () => {
  it.each(USAGE_PAR_EXAMPLES)('$name', (example) => {
    const result = recommendPar(example.input);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const r = result.value;
    expect(r.par).toBe(example.par);
    expect(r.meanDailyUsage).toBeCloseTo(example.mean, 4);
    expect(r.stdDevDailyUsage).toBeCloseTo(example.stdDev, 4);
    expect(r.cycleStock).toBeCloseTo(example.cycleStock, 4);
    expect(r.safetyStock).toBeCloseTo(example.safetyStock, 4);
    expect(r.z).toBe(example.input.z ?? 1.65);
    expect(r.reviewDays).toBe(example.input.reviewDays);
    expect(r.leadTimeDays).toBe(example.input.leadTimeDays);
    expect(r.days).toBe(example.input.dailyUsage.length);
  });

  it('explains itself with every input', () => {
    const result = recommendPar({
      dailyUsage: [8, 12, 10, 9, 11, 10, 10],
      reviewDays: 7,
      leadTimeDays: 2,
    });
    expect(result.ok && result.value.explanation).toBe(
      'Average use 10 a day (standard deviation 1.3) over 7 days; review every 7 days + lead time 2 days = 9 days. ' +
        '10 × 9 = 90, plus safety stock 1.65 × 1.3 × √9 = 6.4, makes 96.4: suggested par 97.',
    );
    const daily = recommendPar({ dailyUsage: [0, 20, 0, 20], reviewDays: 1, leadTimeDays: 3 });
    expect(daily.ok && daily.value.explanation).toContain('review every 1 day + lead time 3 days');
  });
});

describe('usage-based par refuses nonsense', () => {
  const good = { dailyUsage: [4, 6], reviewDays: 7, leadTimeDays: 2 };
  it.each([
    ['no history', { ...good, dailyUsage: [] }, 'USAGE_EMPTY'],
    ['one day', { ...good, dailyUsage: [5] }, 'USAGE_TOO_SHORT'],
    ['a negative day', { ...good, dailyUsage: [4, -1, 3] }, 'USAGE_INVALID'],
    ['a NaN day', { ...good, dailyUsage: [4, NaN] }, 'USAGE_INVALID'],
    ['an infinite day', { ...good, dailyUsage: [Infinity, 4] }, 'USAGE_INVALID'],
    ['review every 0 days', { ...good, reviewDays: 0 }, 'REVIEW_DAYS_INVALID'],
    ['review days NaN', { ...good, reviewDays: NaN }, 'REVIEW_DAYS_INVALID'],
    ['negative lead time', { ...good, leadTimeDays: -1 }, 'LEAD_TIME_INVALID'],
    ['infinite lead time', { ...good, leadTimeDays: Infinity }, 'LEAD_TIME_INVALID'],
    ['negative z', { ...good, z: -1.65 }, 'SERVICE_FACTOR_INVALID'],
    ['NaN z', { ...good, z: NaN }, 'SERVICE_FACTOR_INVALID'],
  ] as const)('%s', (_name, input, code) => {
    const result = recommendPar(input);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe(code);
      expect(result.error.message.length).toBeGreaterThan(20);
    }
  });

  it('names the bad day', () => {
    const result = recommendPar({ dailyUsage: [4, 5, -2], reviewDays: 7, leadTimeDays: 1 });
    expect(!result.ok && result.error.message).toContain('Day 3');
  });
});

describe('usage-based par properties', () => {
  const input = fc.record({
    dailyUsage: fc.array(fc.integer({ min: 0, max: 500 }), { minLength: 2, maxLength: 90 }),
    reviewDays: fc.integer({ min: 1, max: 30 }),
    leadTimeDays: fc.integer({ min: 0, max: 30 }),
    z: fc.double({ min: 0, max: 3, noNaN: true }),
  });

  it('is the smallest whole number covering d̄·(R+L) + z·σ·√(R+L), and never below average need', () => {
    fc.assert(
      fc.property(input, (i) => {
        const result = recommendPar(i);
        if (!result.ok) return false;
        const r = result.value;
        const n = i.dailyUsage.length;
        const mean = i.dailyUsage.reduce((a, b) => a + b, 0) / n;
        const variance = i.dailyUsage.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1);
        const h = i.reviewDays + i.leadTimeDays;
        const exact = mean * h + i.z * Math.sqrt(variance) * Math.sqrt(h);
        expect(r.par).toBeGreaterThanOrEqual(exact - 1e-6);
        expect(r.par - 1).toBeLessThan(exact + 1e-6);
        expect(r.par).toBeGreaterThanOrEqual(Math.ceil(mean * h - 1e-9));
        expect(Number.isInteger(r.par)).toBe(true);
        expect(r.explanation).toContain(`suggested par ${r.par}.`);
        return true;
      }),
    );
  });

  it('more variable usage never lowers the suggestion (same mean)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 5, max: 100 }), fc.integer({ min: 1, max: 5 }), (d, k) => {
        const steady = recommendPar({ dailyUsage: [d, d, d, d], reviewDays: 7, leadTimeDays: 2 });
        const lumpy = recommendPar({
          dailyUsage: [d - k, d + k, d - k, d + k],
          reviewDays: 7,
          leadTimeDays: 2,
        });
        return steady.ok && lumpy.ok && lumpy.value.par >= steady.value.par;
      }),
    );
  });
});
