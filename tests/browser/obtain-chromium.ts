import { SYSTEM_CHROMIUM_NAMES, type FoundChromium, type Lookup } from './find-chromium';

export type AptStatus = { usable: true } | { usable: false; why: string };

/** The machine as the decision sees it; the real one is in this-machine.ts, tests pass fakes. */
export interface ObtainDeps {
  lookup(): Lookup;
  /** Whether Playwright's download host answers at all, within a short timeout. */
  downloadHostAnswers(): Promise<boolean>;
  downloadHost: string;
  apt(): AptStatus;
  /** Each returns whether its command succeeded. */
  installWithPlaywright(): boolean;
  installWithApt(): boolean;
  playwrightCacheDir: string;
  say(line: string): void;
}

export type Obtained = { ok: true; chromium: FoundChromium } | { ok: false; paragraph: string };

/**
 * Finds a browser for the tests or gets one, before any browser test starts: Playwright's own
 * install where its download host answers, else Debian's chromium where apt is usable as root.
 * Where neither works it returns the one paragraph the run stops with.
 */
export async function obtainChromium(deps: ObtainDeps): Promise<Obtained> {
  const first = deps.lookup();
  if ('namedButMissing' in first)
    return { ok: false, paragraph: namedMissing(first.namedButMissing) };
  if (first.found) return { ok: true, chromium: first.found };

  const why: string[] = [];
  if (await deps.downloadHostAnswers()) {
    deps.say(
      `No Chromium for the browser tests: installing Playwright's Chromium from ${deps.downloadHost} (npx playwright install chromium).`,
    );
    const found = deps.installWithPlaywright() ? foundAfter(deps) : null;
    if (found) return { ok: true, chromium: found };
    why.push(`\`npx playwright install chromium\` failed`);
  } else {
    why.push(`Playwright's download host ${deps.downloadHost} did not answer`);
  }

  const apt = deps.apt();
  if (apt.usable) {
    deps.say(
      "No Chromium for the browser tests: installing Debian's chromium package (apt-get install chromium).",
    );
    const found = deps.installWithApt() ? foundAfter(deps) : null;
    if (found) return { ok: true, chromium: found };
    why.push('`apt-get install chromium` failed');
  } else {
    why.push(`apt-get cannot be used (${apt.why})`);
  }
  return { ok: false, paragraph: noneToBeHad(deps, why) };
}

function foundAfter(deps: ObtainDeps): FoundChromium | null {
  const again = deps.lookup();
  return 'found' in again ? again.found : null;
}

const HOW_TO_INSTALL =
  'Install one, then run npm test again: on Debian or Ubuntu, as root, `apt-get install chromium`; ' +
  'where the download host is reachable, `npx playwright install chromium`; or set CHROMIUM_PATH ' +
  'to a Chromium or Chrome executable you already have.';

function noneToBeHad(deps: ObtainDeps, why: string[]): string {
  return (
    `Cannot run the browser tests: there is no Chromium on this machine. They look for CHROMIUM_PATH, ` +
    `then ${SYSTEM_CHROMIUM_NAMES.join(', ')} on PATH, then Playwright's cache ` +
    `(${deps.playwrightCacheDir}), and none was there; none could be installed either: ` +
    `${why.join('; ')}. ${HOW_TO_INSTALL}`
  );
}

function namedMissing(path: string): string {
  return (
    `Cannot run the browser tests: CHROMIUM_PATH names ${path}, which is not an executable file. ` +
    `Point CHROMIUM_PATH at a Chromium or Chrome executable, or unset it to use the system's ` +
    `Chromium or Playwright's. ${HOW_TO_INSTALL}`
  );
}
