import { dateFromDayOfYear, daysInMonth, formatIsoDate, isValidDate } from './calendar';

/** The date formats of an HIBCC secondary, by the digit that announces them after `$$`. */
export const HIBCC_DATE_FORMATS = {
  '0': 'MMYY',
  '1': 'MMYY',
  '2': 'MMDDYY',
  '3': 'YYMMDD',
  '4': 'YYMMDDHH',
  '5': 'YYJJJ',
  '6': 'YYJJJHH',
} as const;

export type HibccDateFormat = (typeof HIBCC_DATE_FORMATS)[keyof typeof HIBCC_DATE_FORMATS];

/**
 * An HIBCC date as YYYY-MM-DD, or undefined when it does not exist. Two-digit years are 20YY; MMYY
 * means the last day of that month; the hour of the HH formats is checked here and read by
 * hibccHour.
 */
export function hibccDateToIso(format: HibccDateFormat, raw: string): string | undefined {
  if (raw.length !== format.length || !/^\d+$/.test(raw)) return undefined;
  const field = (letters: string) => {
    const at = format.indexOf(letters);
    return Number(raw.slice(at, at + letters.length));
  };
  if (format.includes('HH') && field('HH') > 23) return undefined;
  const year = 2000 + field('YY');
  if (format.includes('JJJ')) {
    const date = dateFromDayOfYear(year, field('JJJ'));
    return date && formatIsoDate(date);
  }
  const month = field('MM');
  if (month < 1 || month > 12) return undefined;
  const day = format.includes('DD') ? field('DD') : daysInMonth(year, month);
  return isValidDate(year, month, day) ? formatIsoDate({ year, month, day }) : undefined;
}

/** The hour of a YYMMDDHH or YYJJJHH date as `HH:00`, or undefined for the formats without one. */
export function hibccHour(format: HibccDateFormat, raw: string): string | undefined {
  return format.endsWith('HH') ? `${raw.slice(-2)}:00` : undefined;
}
