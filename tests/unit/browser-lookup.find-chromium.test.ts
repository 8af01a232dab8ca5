import { describe, expect, it } from 'vitest';
import { findChromium, pathDirsOf, type ChromiumCandidates } from '../browser/find-chromium';

const CACHE = '/home/ci/.cache/ms-playwright/chromium-1255/chrome-linux64/chrome';

function candidates(present: string[], over: Partial<ChromiumCandidates> = {}): ChromiumCandidates {
  return {
    named: undefined,
    pathDirs: ['/usr/local/bin', '/usr/bin'],
    playwrightCache: CACHE,
    isExecutable: (p) => present.includes(p),
    ...over,
  };
}

describe('findChromium: one lookup, in order environment, system, Playwright cache', () => {
  it('takes the browser CHROMIUM_PATH names before any other', () => {
    const c = candidates(['/opt/chrome/chrome', '/usr/bin/chromium', CACHE], {
      named: '/opt/chrome/chrome',
    });
    expect(findChromium(c)).toEqual({
      found: { path: '/opt/chrome/chrome', source: 'environment' },
    });
  });

  it('reports a CHROMIUM_PATH that names nothing runnable rather than using another browser', () => {
    const c = candidates(['/usr/bin/chromium'], { named: '/opt/gone/chrome' });
    expect(findChromium(c)).toEqual({ namedButMissing: '/opt/gone/chrome' });
  });

  it("takes the system's Chromium from PATH when nothing is named", () => {
    expect(findChromium(candidates(['/usr/bin/chromium', CACHE]))).toEqual({
      found: { path: '/usr/bin/chromium', source: 'system' },
    });
  });

  it("finds Ubuntu's and Chrome's names too, Chromium first", () => {
    const c = candidates(['/usr/bin/google-chrome', '/usr/local/bin/chromium-browser']);
    expect(findChromium(c)).toEqual({
      found: { path: '/usr/local/bin/chromium-browser', source: 'system' },
    });
  });

  it("falls back to Playwright's cache", () => {
    expect(findChromium(candidates([CACHE]))).toEqual({
      found: { path: CACHE, source: 'playwright-cache' },
    });
  });

  it('finds nothing on a machine with no browser', () => {
    expect(findChromium(candidates([]))).toEqual({ found: null });
    expect(findChromium(candidates([], { playwrightCache: null }))).toEqual({ found: null });
  });

  it('reads PATH as the shell does, ignoring empty entries', () => {
    expect(pathDirsOf('/a::/b')).toEqual(['/a', '/b']);
    expect(pathDirsOf(undefined)).toEqual([]);
  });
});
