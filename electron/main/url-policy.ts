/**
 * Which URLs belong to the app and which may leave it. The renderer is served from one fixed
 * origin, `app://bundle`, for every version: IndexedDB (the whole local store) is keyed by origin,
 * so changing it would orphan a stockroom's data.
 *
 * Every check parses with the WHATWG URL parser and then compares parts exactly. Prefix or regex
 * tests on the raw string are what `app://bundle.evil` and `app://user@bundle` are made to defeat.
 */

export const APP_SCHEME = 'app';
export const APP_HOST = 'bundle';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/**
 * Pages the shell will open in the system browser. Recall notices link to the regulator's pages
 * and the GS1 pages explain label formats; nothing else leaves the app.
 */
export const EXTERNAL_LINK_HOSTS: readonly string[] = [
  'www.fda.gov',
  'www.accessdata.fda.gov',
  'www.gs1.org',
  'ref.gs1.org',
];

const MAX_URL_LENGTH = 2048;

/** Control characters and whitespace have no place in a URL we accept; the parser would strip some. */
const UNSAFE_CHARACTERS =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\u0000-\u0020\u007f-\u00a0\u1680\u2000-\u200f\u2028-\u202f\u205f\u3000\ufeff]/;

function parse(raw: unknown): URL | null {
  if (typeof raw !== 'string' || raw.length === 0 || raw.length > MAX_URL_LENGTH) return null;
  if (UNSAFE_CHARACTERS.test(raw)) return null;
  try {
    return new URL(raw);
  } catch {
    return null;
  }
}

/** True only for `app://bundle` itself or a path under it: no credentials, no port, exact host. */
export function isAppUrl(raw: unknown): boolean {
  const url = parse(raw);
  if (!url) return false;
  if (!(raw as string).startsWith(`${APP_ORIGIN}/`) && raw !== APP_ORIGIN) return false;
  return (
    url.protocol === `${APP_SCHEME}:` &&
    url.host === APP_HOST &&
    url.hostname === APP_HOST &&
    url.username === '' &&
    url.password === '' &&
    url.port === ''
  );
}

/**
 * An https link to an allow-listed host, on the default port, without credentials. The parser
 * turns look-alike Unicode hosts into punycode (`xn--…`), so they never equal a listed host.
 */
export function isAllowedExternalUrl(
  raw: unknown,
  allowedHosts: readonly string[] = EXTERNAL_LINK_HOSTS,
): boolean {
  const url = parse(raw);
  if (!url) return false;
  return (
    url.protocol === 'https:' &&
    url.username === '' &&
    url.password === '' &&
    url.port === '' &&
    allowedHosts.includes(url.hostname)
  );
}
