import {
  daysInMonth,
  formatIsoDate,
  gs1FullYear,
  isValidDate,
  type CalendarDate,
} from './calendar';
import { digitAt, isAllDigits } from './char-codes';

/**
 * A GS1 YYMMDD date. Day 00 means the last day of the month where the AI allows it (11, 13, 15,
 * 16, 17…); 7003 and the other `yymmdd` AIs refuse it. Returns YYYY-MM-DD, or undefined for a date
 * that does not exist. Without `todayYear` (encoding, no scan context) the year is taken as a leap
 * year so only 29 February's validity is left open.
 */
export function gs1DateToIso(
  yymmdd: string,
  options: { todayYear: number | undefined; dayZeroAllowed: boolean },
): string | undefined {
  const date = gs1Date(yymmdd, options);
  return date === undefined ? undefined : formatIsoDate(date);
}

/** Whether `yymmdd` is a date `gs1DateToIso` accepts, without formatting it. */
export function isValidGs1Date(
  yymmdd: string,
  options: { todayYear: number | undefined; dayZeroAllowed: boolean },
): boolean {
  return gs1Date(yymmdd, options) !== undefined;
}

function gs1Date(
  yymmdd: string,
  options: { todayYear: number | undefined; dayZeroAllowed: boolean },
): CalendarDate | undefined {
  if (yymmdd.length !== 6 || !isAllDigits(yymmdd)) return undefined;
  const yy = twoDigits(yymmdd, 0);
  const month = twoDigits(yymmdd, 2);
  const day = twoDigits(yymmdd, 4);
  const year = options.todayYear === undefined ? 2000 + yy : gs1FullYear(yy, options.todayYear);
  if (month < 1 || month > 12) return undefined;
  if (day === 0) {
    return options.dayZeroAllowed ? { year, month, day: daysInMonth(year, month) } : undefined;
  }
  return isValidDate(year, month, day) ? { year, month, day } : undefined;
}

function twoDigits(digits: string, from: number): number {
  return digitAt(digits, from) * 10 + digitAt(digits, from + 1);
}

/** hh, mi, ss and hhmi: a time of day on the 24-hour clock. */
export function isValidTimePart(check: string, digits: string): boolean {
  const n = (from: number) => Number(digits.slice(from, from + 2));
  switch (check) {
    case 'hh':
      return n(0) <= 23;
    case 'mi':
    case 'ss':
      return n(0) <= 59;
    case 'hhmi':
      return n(0) <= 23 && n(2) <= 59;
    default:
      return true;
  }
}

/** YYYYMMDD, as in AI 7250 and the HIBCC /14D and /16D supplements. */
export function yyyymmddToIso(digits: string): string | undefined {
  if (!/^\d{8}$/.test(digits)) return undefined;
  const year = Number(digits.slice(0, 4));
  const month = Number(digits.slice(4, 6));
  const day = Number(digits.slice(6, 8));
  return isValidDate(year, month, day) ? formatIsoDate({ year, month, day }) : undefined;
}
