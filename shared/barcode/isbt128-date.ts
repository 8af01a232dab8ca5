import { dateFromDayOfYear, formatIsoDate } from './calendar';

/**
 * An ISBT 128 `cyyjjj` date as YYYY-MM-DD, or undefined when the day does not exist in that year.
 * `cyy` are the year's last three digits (c the century within the millennium: 0 for 2000–2099),
 * `jjj` the day of the year, 001 to 365 or 366.
 */
export function isbt128DateToIso(raw: string): string | undefined {
  if (!/^\d{6}$/.test(raw)) return undefined;
  const year = 2000 + Number(raw.slice(0, 3));
  const date = dateFromDayOfYear(year, Number(raw.slice(3)));
  return date && formatIsoDate(date);
}
