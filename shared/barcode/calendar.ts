/**
 * Calendar arithmetic for label dates, done on plain numbers: a Date object would roll an invalid
 * day over (2020-01-32 becomes 2020-02-01), and a label date that does not exist must be refused.
 * Leap years and month lengths are shared/inventory's, so the app has one Gregorian rule.
 */
import { daysInMonth } from '../inventory/calendar';

export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

export { daysInMonth, isLeapYear } from '../inventory/calendar';

export function isValidDate(year: number, month: number, day: number): boolean {
  return (
    Number.isInteger(year) &&
    year >= 0 &&
    year <= 9999 &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month)
  );
}

export function formatIsoDate({ year, month, day }: CalendarDate): string {
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

function pad(n: number, width: number): string {
  // Every scan formats a date or two: the common case skips padStart.
  if (width === 2 && n >= 10 && n <= 99 && Number.isInteger(n)) return String(n);
  if (width === 4 && n >= 1000 && n <= 9999 && Number.isInteger(n)) return String(n);
  return String(n).padStart(width, '0');
}

/** Strict YYYY-MM-DD. */
export function parseIsoDate(text: string): CalendarDate | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return isValidDate(year, month, day) ? { year, month, day } : undefined;
}

/** Day `dayOfYear` (1 = 1 January) of `year`, or undefined past the year's end. */
export function dateFromDayOfYear(year: number, dayOfYear: number): CalendarDate | undefined {
  let remaining = dayOfYear;
  if (!Number.isInteger(remaining) || remaining < 1) return undefined;
  for (let month = 1; month <= 12; month++) {
    const length = daysInMonth(year, month);
    if (remaining <= length) return { year, month, day: remaining };
    remaining -= length;
  }
  return undefined;
}

/** 1 for 1 January, up to 365 or 366. */
export function dayOfYear({ year, month, day }: CalendarDate): number {
  let total = day;
  for (let m = 1; m < month; m++) total += daysInMonth(year, m);
  return total;
}

/**
 * The GS1 century rule (GS1 General Specifications 7.12): with D = YY − (this year mod 100),
 * 51 ≤ D ≤ 99 is the previous century, −99 ≤ D ≤ −50 the next one, anything else this one.
 */
export function gs1FullYear(yy: number, todayYear: number): number {
  const century = todayYear - (todayYear % 100);
  const d = yy - (todayYear % 100);
  if (d >= 51) return century - 100 + yy;
  if (d <= -50) return century + 100 + yy;
  return century + yy;
}
