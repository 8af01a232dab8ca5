import { describe, expect, it } from 'vitest';
import { parseScan } from '../../shared/barcode/index';
import { isbt128DateToIso, readIsbt128Date } from '../../shared/barcode/isbt128-date';

describe('ISBT 128 cyyjjj dates: c is the century counted from 2000', () => {
  it.each([
    ['000001', '2000-01-01'],
    ['000366', '2000-12-31'], // 2000 divides by 400: a leap year
    ['024060', '2024-02-29'],
    ['024366', '2024-12-31'],
    ['026365', '2026-12-31'],
    ['099365', '2099-12-31'],
    ['100001', '2100-01-01'], // c = 1 is the next century, not 1000 or 1900
    ['100365', '2100-12-31'],
    ['400366', '2400-12-31'], // 2400 divides by 400: a leap year
    ['999365', '2999-12-31'],
  ])('%s is %s', (raw, iso) => {
    expect(readIsbt128Date(raw)).toEqual({ ok: true, iso });
    expect(isbt128DateToIso(raw)).toBe(iso);
  });

  it.each([
    ['026366', 2026, 365],
    ['099366', 2099, 365],
    ['100366', 2100, 365], // 2100 divides by 100, not by 400: no leap day
    ['024367', 2024, 366],
    ['024000', 2024, 366],
    ['999999', 2999, 365],
  ])('%s names a day that %i does not have', (raw, year, daysInYear) => {
    expect(readIsbt128Date(raw)).toEqual({
      ok: false,
      year,
      day: Number(raw.slice(3)),
      daysInYear,
    });
    expect(isbt128DateToIso(raw)).toBeUndefined();
  });

  it('the refusal names the day, the year and the days that year has', () => {
    const result = parseScan('=>100366', { today: '2026-12-03' });
    if (result.ok) throw new Error('day 366 of 2100 was read');
    expect(result.error.code).toBe('ISBT128_BAD_DATE');
    expect(result.error.message).toContain('day 366 of 2100 does not exist');
    expect(result.error.message).toContain('001 to 365');
  });

  it('anything but six digits is a caller fault, not a date', () => {
    expect(() => readIsbt128Date('02600')).toThrow(RangeError);
    expect(() => readIsbt128Date('02600A')).toThrow(RangeError);
    expect(isbt128DateToIso('02600A')).toBeUndefined();
  });
});
