import { IsDateTime } from 'typebox/format';

/**
 * The one `date-time` rule of every schema, at both ends. RFC 3339 (and TypeBox's check of it)
 * admits a leap second, 23:59:60, and an RFC 9557 zone suffix such as `[Europe/Paris]`; JavaScript's
 * Date holds neither, so such a value was stored and then broke every reader that turns it into a
 * Date (an Invalid Date throws in toISOString and is refused by the database drivers). Year 0000,
 * or 9999-12-31 late with a western offset, is a Date but no PostgreSQL timestamp. A value is a
 * date-time here only when it is a valid RFC 3339 instant that Date reads, in the years 0001–9999
 * (UTC), as FHIR and the database both write them.
 */
export function isRepresentableDateTime(value: string): boolean {
  if (!IsDateTime(value)) return false;
  const at = Date.parse(value);
  if (Number.isNaN(at)) return false;
  const year = new Date(at).getUTCFullYear();
  return year >= 1 && year <= 9999;
}

/** What a refused date-time should look like, for the person who sent it. */
export const DATE_TIME_HINT =
  'must be an instant with its offset that exists on the calendar, e.g. 2026-12-01T08:00:00Z (seconds 00–59, no leap second, no [zone] suffix, years 0001–9999)';
