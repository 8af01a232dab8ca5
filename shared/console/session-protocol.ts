/**
 * How the console's browser session travels: an HttpOnly cookie the page never reads, and a CSRF
 * token the page holds in memory and sends as a header on every write. `__Host-` makes the
 * browser refuse the cookie unless it is Secure, for path /, with no Domain.
 */
export const CONSOLE_SESSION_COOKIE = '__Host-stockroom-console';
export const CONSOLE_CSRF_HEADER = 'x-csrf-token';
/** A session ends 8 hours after sign-in, or after 30 minutes without a request. */
export const CONSOLE_SESSION_MAX_MS = 8 * 3_600_000;
export const CONSOLE_SESSION_IDLE_MS = 30 * 60_000;
