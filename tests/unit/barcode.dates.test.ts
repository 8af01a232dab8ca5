import { describe, expect, it } from 'vitest';
import {
  dateFromDayOfYear,
  dayOfYear,
  gs1FullYear,
  isLeapYear,
} from '../../shared/barcode/calendar';
import { expectVector, loadVectors } from './barcode.vectors';

describe('label dates', () => {
  it.each(loadVectors('dates'))('$name', expectVector);
});

describe('the GS1 century window', () => {
  it.each([
    [2026, 76, 2076],
    [2026, 77, 1977],
    [2026, 0, 2000],
    [2099, 48, 2148],
    [2099, 49, 2149],
    [2099, 50, 2050],
    [2000, 50, 2050],
    [2000, 51, 1951],
    [2049, 0, 2000],
    [2049, 99, 2099],
    [2050, 0, 2100],
  ])('in %i, YY %i is %i', (today, yy, year) => expect(gs1FullYear(yy, today)).toBe(year));

  it('maps the 100 two-digit years onto 100 consecutive years, 49 back and 50 ahead', () => {
    for (const today of [1999, 2000, 2026, 2049, 2050, 2051, 2099, 2100]) {
      const years = Array.from({ length: 100 }, (_, yy) => gs1FullYear(yy, today)).sort();
      expect(years[0]).toBe(today - 49);
      expect(years[99]).toBe(today + 50);
      expect(new Set(years).size).toBe(100);
    }
  });
});

describe('calendar', () => {
  it('knows the Gregorian leap years', () => {
    expect([1900, 2000, 2024, 2027, 2100].map(isLeapYear)).toEqual([
      false,
      true,
      true,
      false,
      false,
    ]);
  });

  it('counts days of the year both ways', () => {
    expect(dayOfYear({ year: 2029, month: 3, day: 31 })).toBe(90);
    expect(dayOfYear({ year: 2028, month: 12, day: 31 })).toBe(366);
    expect(dateFromDayOfYear(2028, 60)).toEqual({ year: 2028, month: 2, day: 29 });
    expect(dateFromDayOfYear(2027, 366)).toBeUndefined();
    expect(dateFromDayOfYear(2027, 0)).toBeUndefined();
  });
});
