import { parseIsoDate } from './calendar';

export const EXPIRY_BANDS = [
  'expired',
  'expiring-30',
  'expiring-60',
  'expiring-90',
  'ok',
  'no-expiry',
] as const;
export type ExpiryBand = (typeof EXPIRY_BANDS)[number];

/**
 * The facility's three warning windows in days (DOMAIN.md §2: 30/60/90 by default). A facility may
 * choose others; the band names keep their default spelling and then mean the first, second and
 * third window.
 */
export type ExpiryWindows = readonly [number, number, number];
export const DEFAULT_EXPIRY_WINDOWS: ExpiryWindows = [30, 60, 90];

function dayOf(date: string, what: string): number {
  const day = parseIsoDate(date);
  // `today` and the windows come from the app, not from a person: a bad one is a bug to surface.
  if (day === undefined)
    throw new RangeError(`${what} must be a calendar date YYYY-MM-DD: ${date}`);
  return day;
}

/**
 * Whole days from `today` to the expiry date: 0 on the day of expiry, negative once it has passed.
 * `undefined` when there is no expiry or it is not a real date.
 */
export function daysUntilExpiry(expiry: string | undefined, today: string): number | undefined {
  const todayDay = dayOf(today, 'today');
  if (expiry === undefined) return undefined;
  const expiryDay = parseIsoDate(expiry);
  return expiryDay === undefined ? undefined : expiryDay - todayDay;
}

/**
 * Expired means expiry < today: a lot is still usable on its expiry date. An expiry that is not a
 * real date counts as expired, so an unreadable label blocks the lot instead of freeing it.
 */
export function isExpired(expiry: string | undefined, today: string): boolean {
  if (expiry === undefined) return false;
  const days = daysUntilExpiry(expiry, today);
  return days === undefined || days < 0;
}

export function expiryBand(
  expiry: string | undefined,
  today: string,
  windows: ExpiryWindows = DEFAULT_EXPIRY_WINDOWS,
): ExpiryBand {
  const [first, second, third] = windows;
  if (!windows.every((w) => Number.isInteger(w) && w >= 0) || !(first < second && second < third)) {
    throw new RangeError(
      `expiry windows must be three increasing whole days: ${windows.join(',')}`,
    );
  }
  if (expiry === undefined) {
    dayOf(today, 'today');
    return 'no-expiry';
  }
  const days = daysUntilExpiry(expiry, today);
  if (days === undefined || days < 0) return 'expired';
  if (days <= first) return 'expiring-30';
  if (days <= second) return 'expiring-60';
  if (days <= third) return 'expiring-90';
  return 'ok';
}
