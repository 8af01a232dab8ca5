import { describe, expect, it } from 'vitest';
import type { Lookup } from '../browser/find-chromium';
import { obtainChromium, type AptStatus, type ObtainDeps } from '../browser/obtain-chromium';

interface Machine {
  /** What the lookup returns before and after an install. */
  before: Lookup;
  afterPlaywright?: Lookup;
  afterApt?: Lookup;
  hostAnswers?: boolean;
  apt?: AptStatus;
  playwrightSucceeds?: boolean;
  aptSucceeds?: boolean;
}

const SYSTEM: Lookup = { found: { path: '/usr/bin/chromium', source: 'system' } };
const CACHED: Lookup = {
  found: {
    path: '/root/.cache/ms-playwright/chromium-1255/chrome-linux64/chrome',
    source: 'playwright-cache',
  },
};
const NONE: Lookup = { found: null };

function fake(m: Machine) {
  let state = m.before;
  const said: string[] = [];
  const ran: string[] = [];
  const deps: ObtainDeps = {
    lookup: () => state,
    downloadHost: 'https://cdn.playwright.dev',
    downloadHostAnswers: () => Promise.resolve(m.hostAnswers ?? false),
    apt: () => m.apt ?? { usable: false, why: 'not running as root' },
    installWithPlaywright: () => {
      ran.push('playwright');
      if (m.playwrightSucceeds ?? true) state = m.afterPlaywright ?? CACHED;
      return m.playwrightSucceeds ?? true;
    },
    installWithApt: () => {
      ran.push('apt');
      if (m.aptSucceeds ?? true) state = m.afterApt ?? SYSTEM;
      return m.aptSucceeds ?? true;
    },
    playwrightCacheDir: '/root/.cache/ms-playwright',
    say: (line) => said.push(line),
  };
  return { deps, said, ran };
}

describe('obtainChromium: find a browser, or get one, or stop with what to install', () => {
  it('uses a browser already there, silently, without probing or installing', async () => {
    const { deps, said, ran } = fake({ before: SYSTEM, hostAnswers: true });
    expect(await obtainChromium(deps)).toEqual({ ok: true, chromium: SYSTEM.found });
    expect(said).toEqual([]);
    expect(ran).toEqual([]);
  });

  it("installs Playwright's Chromium where its download host answers, saying so in one line", async () => {
    const { deps, said, ran } = fake({ before: NONE, hostAnswers: true });
    expect(await obtainChromium(deps)).toEqual({ ok: true, chromium: CACHED.found });
    expect(ran).toEqual(['playwright']);
    expect(said).toHaveLength(1);
    expect(said[0]).toMatch(/^No Chromium for the browser tests: installing Playwright's Chromium/);
  });

  it("installs Debian's chromium with apt as root where the download host does not answer", async () => {
    const { deps, said, ran } = fake({ before: NONE, hostAnswers: false, apt: { usable: true } });
    expect(await obtainChromium(deps)).toEqual({ ok: true, chromium: SYSTEM.found });
    expect(ran).toEqual(['apt']);
    expect(said).toEqual([
      "No Chromium for the browser tests: installing Debian's chromium package (apt-get install chromium).",
    ]);
  });

  it("goes on to apt when Playwright's install fails", async () => {
    const { deps, ran } = fake({
      before: NONE,
      hostAnswers: true,
      playwrightSucceeds: false,
      apt: { usable: true },
    });
    expect(await obtainChromium(deps)).toEqual({ ok: true, chromium: SYSTEM.found });
    expect(ran).toEqual(['playwright', 'apt']);
  });

  it('stops with one paragraph saying what to install where neither can be had', async () => {
    const { deps, said, ran } = fake({
      before: NONE,
      hostAnswers: false,
      apt: { usable: false, why: 'not running as root' },
    });
    const result = await obtainChromium(deps);
    expect(ran).toEqual([]);
    expect(said).toEqual([]);
    expect(result.ok).toBe(false);
    const paragraph = result.ok ? '' : result.paragraph;
    expect(paragraph).not.toContain('\n');
    expect(paragraph).toMatch(
      /^Cannot run the browser tests: there is no Chromium on this machine\./,
    );
    expect(paragraph).toContain(
      "Playwright's download host https://cdn.playwright.dev did not answer",
    );
    expect(paragraph).toContain('apt-get cannot be used (not running as root)');
    expect(paragraph).toContain('`apt-get install chromium`');
    expect(paragraph).toContain('`npx playwright install chromium`');
    expect(paragraph).toContain('CHROMIUM_PATH');
  });

  it('stops with the paragraph when an install ran but left no browser to find', async () => {
    const { deps, ran } = fake({ before: NONE, apt: { usable: true }, afterApt: NONE });
    const result = await obtainChromium(deps);
    expect(ran).toEqual(['apt']);
    expect(result.ok ? '' : result.paragraph).toContain('`apt-get install chromium` failed');
  });

  it('stops at once, installing nothing, when CHROMIUM_PATH names a missing browser', async () => {
    const { deps, ran } = fake({
      before: { namedButMissing: '/opt/gone/chrome' },
      hostAnswers: true,
      apt: { usable: true },
    });
    const result = await obtainChromium(deps);
    expect(ran).toEqual([]);
    expect(result.ok ? '' : result.paragraph).toMatch(
      /^Cannot run the browser tests: CHROMIUM_PATH names \/opt\/gone\/chrome, which is not an executable file\./,
    );
  });
});
