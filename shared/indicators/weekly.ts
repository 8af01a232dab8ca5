import { isoDateFromDays } from '../inventory/calendar';
import { dayOf, periodDays, type Period } from './period';

/**
 * Week-by-week trends: the period's records put in ISO weeks (Monday to Sunday, UTC days as the
 * ledger counts them), each week named by its Monday. Every week of the period is there, empty
 * ones too, so a chart shows a quiet week as a gap, not as nothing.
 */
export interface WeekOf<T> {
  /** YYYY-MM-DD of the week's Monday. */
  week: string;
  records: T[];
}

/** Days since 1970-01-01 of the Monday of the week holding `day` (1970-01-01 was a Thursday). */
export function mondayOf(day: number): number {
  return day - ((((day + 3) % 7) + 7) % 7);
}

export function byWeek<T>(
  records: Iterable<T>,
  when: (record: T) => string,
  period: Period,
): WeekOf<T>[] {
  const days = periodDays(period);
  if (!days) return [];
  const weeks = new Map<number, T[]>();
  for (let monday = mondayOf(days.first); monday <= days.last; monday += 7) weeks.set(monday, []);
  for (const record of records) {
    const day = dayOf(when(record));
    if (day === undefined || day < days.first || day > days.last) continue;
    weeks.get(mondayOf(day))?.push(record);
  }
  return [...weeks].map(([monday, list]) => ({ week: isoDateFromDays(monday), records: list }));
}

/** The share of a week's records that pass, or null for a week with none. */
export function weeklyShare<T>(
  weeks: readonly WeekOf<T>[],
  passes: (record: T) => boolean,
): { week: string; share: number | null; of: number }[] {
  return weeks.map(({ week, records }) => ({
    week,
    of: records.length,
    share: records.length === 0 ? null : records.filter(passes).length / records.length,
  }));
}

/** The Monday (YYYY-MM-DD) of the week holding a date or an instant; '' for neither. */
export function weekOf(text: string): string {
  const day = dayOf(text);
  return day === undefined ? '' : isoDateFromDays(mondayOf(day));
}
