import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const REPO = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const home = mkdtempSync(join(tmpdir(), 'stockroom-no-browser-'));
afterAll(() => rmSync(home, { recursive: true, force: true }));

/**
 * A machine where no browser can be found and none installed, made with the ordinary variables the
 * real lookup reads: nothing named, a PATH holding no browser and no apt-get, an empty Playwright
 * cache, and a Playwright download host that refuses connections.
 */
function freshMachineEnv(): NodeJS.ProcessEnv {
  const emptyBin = join(home, 'bin');
  mkdirSync(emptyBin, { recursive: true });
  return {
    HOME: home,
    PATH: emptyBin,
    PLAYWRIGHT_BROWSERS_PATH: join(home, 'ms-playwright'),
    PLAYWRIGHT_DOWNLOAD_HOST: 'http://127.0.0.1:9',
    NO_COLOR: '1',
  };
}

function runNode(args: string[]) {
  const started = performance.now();
  const result = spawnSync(process.execPath, args, {
    cwd: REPO,
    env: freshMachineEnv(),
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { ...result, seconds: (performance.now() - started) / 1000 };
}

function expectTheParagraph(stderr: string) {
  const paragraph = stderr.trim();
  expect(paragraph).toMatch(
    /^Cannot run the browser tests: there is no Chromium on this machine\./,
  );
  expect(paragraph).not.toContain('\n');
  expect(paragraph).toContain('http://127.0.0.1:9 did not answer');
  expect(paragraph).toContain('apt-get cannot be used (apt-get is not on PATH)');
  expect(paragraph).toMatch(/Install one, then run npm test again: .*`apt-get install chromium`/);
}

describe('a machine with no browser and no way to get one: the run stops at once, saying what to install', () => {
  it("npm test's first step exits 1 with the one paragraph", () => {
    const run = runNode(['--import', 'tsx', 'tests/browser/ensure-chromium.main.ts']);
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expectTheParagraph(run.stderr);
    // Node and tsx start-up plus a refused probe; an install attempt or a suite would take minutes.
    expect(run.seconds).toBeLessThan(20);
  });

  it('the Vitest browser smoke stops in its set-up, before any test and any assertion', () => {
    const run = runNode([
      'node_modules/vitest/vitest.mjs',
      'run',
      'tests/integration/bench.smoke-browser.test.ts',
    ]);
    expect(run.status).toBe(1);
    expect(run.stdout).not.toMatch(/AssertionError|✓|×/);
    expectTheParagraph(run.stderr);
    expect(run.seconds).toBeLessThan(30);
  }, 60_000);
});
