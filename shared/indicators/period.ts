import { parseIsoDate, parseIsoDateTime } from '../inventory/calendar';

/**
 * The period an indicator is computed over: whole days, `from` and `to` inclusive (YYYY-MM-DD, in
 * the ledger's calendar: an instant belongs to the UTC day it names). Time is a parameter: nothing
 * here reads a clock.
 */
export interface Period {
  from: string;
  to: string;
}

const MS_PER_DAY = 86_400_000;

/** Days since 1970-01-01 of a date or an instant; undefined for text that is neither. */
export function dayOf(text: string): number | undefined {
  const date = parseIsoDate(text);
  if (date !== undefined) return date;
  const ms = parseIsoDateTime(text);
  return ms === undefined ? undefined : Math.floor(ms / MS_PER_DAY);
}

/** Milliseconds since the epoch of an instant (a bare date is its midnight UTC). */
export function instantOf(text: string): number | undefined {
  const ms = parseIsoDateTime(text);
  if (ms !== undefined) return ms;
  const date = parseIsoDate(text);
  return date === undefined ? undefined : date * MS_PER_DAY;
}

export function periodDays(period: Period): { first: number; last: number } | undefined {
  const first = parseIsoDate(period.from);
  const last = parseIsoDate(period.to);
  if (first === undefined || last === undefined || last < first) return undefined;
  return { first, last };
}

export function inPeriod(text: string, period: Period): boolean {
  const day = dayOf(text);
  const days = periodDays(period);
  return day !== undefined && days !== undefined && day >= days.first && day <= days.last;
}

export const HOUR_MS = 3_600_000;
export { MS_PER_DAY };
