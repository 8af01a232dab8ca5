import { dateFromDayOfYear, formatIsoDate, isLeapYear } from './calendar';

/**
 * An ISBT 128 `cyyjjj` date (ICCBBA ST-001, data structures 004 expiration `=>` and 008
 * production `=}`): `c` the century counted from 2000 (0 for 2000–2099, 1 for 2100–2199…), `yy`
 * the year within that century, `jjj` the day of the year. Every century digit is a real year, so
 * only a day the year does not have is refused; the Gregorian rule decides, which is why 2100
 * (c = 1) has no day 366 and 2000 and 2400 do.
 */
export type Isbt128Date =
  { ok: true; iso: string } | { ok: false; year: number; day: number; daysInYear: number };

export function readIsbt128Date(raw: string): Isbt128Date {
  if (!/^\d{6}$/.test(raw)) throw new RangeError(`ISBT128_BAD_DATE: "${raw}" is not 6 digits`);
  const century = Number(raw.charAt(0));
  const year = 2000 + century * 100 + Number(raw.slice(1, 3));
  const day = Number(raw.slice(3));
  const date = dateFromDayOfYear(year, day);
  if (!date) return { ok: false, year, day, daysInYear: isLeapYear(year) ? 366 : 365 };
  return { ok: true, iso: formatIsoDate(date) };
}

/** The date as YYYY-MM-DD, or undefined when `raw` is not a date that exists. */
export function isbt128DateToIso(raw: string): string | undefined {
  if (!/^\d{6}$/.test(raw)) return undefined;
  const date = readIsbt128Date(raw);
  return date.ok ? date.iso : undefined;
}
