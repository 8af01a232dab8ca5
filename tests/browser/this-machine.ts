import { spawnSync } from 'node:child_process';
import { accessSync, constants, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { chromium } from 'playwright-core';
import { findChromium, pathDirsOf, type Lookup } from './find-chromium';
import { obtainChromium, type AptStatus, type ObtainDeps } from './obtain-chromium';

/**
 * The real machine behind the browser lookup. It reads only the ordinary environment (CHROMIUM_PATH,
 * PATH, PLAYWRIGHT_BROWSERS_PATH, PLAYWRIGHT_DOWNLOAD_HOST), so a test can hide every browser the
 * same way a fresh machine lacks one.
 */
const DEFAULT_DOWNLOAD_HOSTS = [
  'https://cdn.playwright.dev',
  'https://playwright.download.prss.microsoft.com',
];
/** Long enough for a host that answers, short enough that a cut-off machine stops at once. */
const PROBE_TIMEOUT_MS = 3_000;

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

function playwrightCacheDir(env: NodeJS.ProcessEnv): string {
  const set = env['PLAYWRIGHT_BROWSERS_PATH'];
  return set !== undefined && set !== '' && set !== '0'
    ? set
    : join(homedir(), '.cache/ms-playwright');
}

export function lookupChromium(env: NodeJS.ProcessEnv = process.env): Lookup {
  return findChromium({
    named: env['CHROMIUM_PATH'],
    pathDirs: pathDirsOf(env['PATH']),
    // The path Playwright's install would fill for this version, whether or not it is there.
    playwrightCache: chromium.executablePath(),
    isExecutable,
  });
}

/** For configuration files, which load synchronously: the browser found now, if any. */
export function chromiumPathNow(): string | undefined {
  const lookup = lookupChromium();
  return 'found' in lookup && lookup.found ? lookup.found.path : undefined;
}

async function answers(url: string): Promise<boolean> {
  try {
    await fetch(url, { method: 'HEAD', signal: AbortSignal.timeout(PROBE_TIMEOUT_MS) });
    return true;
  } catch {
    return false;
  }
}

function aptStatus(env: NodeJS.ProcessEnv): AptStatus {
  if (process.getuid?.() !== 0) return { usable: false, why: 'not running as root' };
  const aptGet = pathDirsOf(env['PATH']).some((dir) => isExecutable(join(dir, 'apt-get')));
  return aptGet ? { usable: true } : { usable: false, why: 'apt-get is not on PATH' };
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv): boolean {
  // Progress bars stay out of the test output; errors still show.
  const result = spawnSync(command, args, { stdio: ['ignore', 'ignore', 'inherit'], env });
  return result.status === 0;
}

export function machineDeps(env: NodeJS.ProcessEnv = process.env): ObtainDeps {
  const override = env['PLAYWRIGHT_DOWNLOAD_HOST'];
  const hosts = override !== undefined && override !== '' ? [override] : DEFAULT_DOWNLOAD_HOSTS;
  const cli = join(
    dirname(createRequire(import.meta.url).resolve('playwright-core/package.json')),
    'cli.js',
  );
  const aptEnv = { ...env, DEBIAN_FRONTEND: 'noninteractive' };
  return {
    lookup: () => lookupChromium(env),
    downloadHost: hosts[0]!,
    downloadHostAnswers: async () => (await Promise.all(hosts.map(answers))).some(Boolean),
    apt: () => aptStatus(env),
    // As root, --with-deps also installs the libraries a bare Debian lacks for Playwright's build.
    installWithPlaywright: () =>
      run(
        process.execPath,
        [cli, 'install', ...(process.getuid?.() === 0 ? ['--with-deps'] : []), 'chromium'],
        env,
      ),
    installWithApt: () =>
      run('apt-get', ['update', '-qq'], aptEnv) &&
      run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'chromium'], aptEnv),
    playwrightCacheDir: playwrightCacheDir(env),
    say: (line) => console.log(line),
  };
}

/**
 * Run once before any browser test. Leaves the browser in CHROMIUM_PATH for everything started
 * after it (test workers, the bench); where none can be had, stops the whole run at once with the
 * paragraph saying what to install, never letting a suite fail deep inside on a missing browser.
 */
export async function ensureChromium(): Promise<string> {
  const obtained = await obtainChromium(machineDeps());
  if (!obtained.ok) {
    process.stderr.write(`\n${obtained.paragraph}\n\n`);
    process.exit(1);
  }
  process.env['CHROMIUM_PATH'] = obtained.chromium.path;
  return obtained.chromium.path;
}
