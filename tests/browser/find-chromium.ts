import { delimiter, join } from 'node:path';

/** Where a browser for the tests came from, in the order the lookup tries them. */
export type ChromiumSource = 'environment' | 'system' | 'playwright-cache';

export interface FoundChromium {
  path: string;
  source: ChromiumSource;
}

/** Everything the lookup reads from the machine, so each branch can be tested with fakes. */
export interface ChromiumCandidates {
  /** CHROMIUM_PATH, when set: the one browser the person running the tests asked for. */
  named: string | undefined;
  /** The directories of PATH, searched for the usual names of a system Chromium or Chrome. */
  pathDirs: readonly string[];
  /** The executable Playwright's own install would have put in its cache (PLAYWRIGHT_BROWSERS_PATH). */
  playwrightCache: string | null;
  isExecutable(path: string): boolean;
}

/** The names distributions give Chromium (Debian: chromium, Ubuntu: chromium-browser) or Chrome. */
export const SYSTEM_CHROMIUM_NAMES = [
  'chromium',
  'chromium-browser',
  'google-chrome-stable',
  'google-chrome',
] as const;

export type Lookup = { found: FoundChromium } | { namedButMissing: string } | { found: null };

/**
 * The one lookup every browser test uses. A CHROMIUM_PATH that names nothing runnable is reported,
 * not skipped over: running the tests on some other browser than the one asked for would hide it.
 */
export function findChromium(c: ChromiumCandidates): Lookup {
  if (c.named !== undefined && c.named !== '') {
    return c.isExecutable(c.named)
      ? { found: { path: c.named, source: 'environment' } }
      : { namedButMissing: c.named };
  }
  for (const name of SYSTEM_CHROMIUM_NAMES) {
    for (const dir of c.pathDirs) {
      const path = join(dir, name);
      if (c.isExecutable(path)) return { found: { path, source: 'system' } };
    }
  }
  if (c.playwrightCache !== null && c.isExecutable(c.playwrightCache)) {
    return { found: { path: c.playwrightCache, source: 'playwright-cache' } };
  }
  return { found: null };
}

export function pathDirsOf(pathVariable: string | undefined): string[] {
  return (pathVariable ?? '').split(delimiter).filter((d) => d !== '');
}
