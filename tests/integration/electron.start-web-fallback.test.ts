import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * `npm start` where the Electron binary cannot be had: no binary (an empty override folder) and a
 * download host with no route (a closed loopback port). The launcher must say so in one
 * paragraph, serve the app on 127.0.0.1, print the URL, and stop cleanly.
 */

const root = path.resolve(import.meta.dirname, '../..');
const noElectron = mkdtempSync(path.join(tmpdir(), 'stockroom-no-electron-'));
let launcher: ChildProcess | null = null;
let output = '';

afterAll(() => {
  if (launcher && launcher.exitCode === null) launcher.kill('SIGTERM');
  rmSync(noElectron, { recursive: true, force: true });
});

function launch(): ChildProcess {
  // A mirror set in the user's npm config would take precedence over ours.
  const env: NodeJS.ProcessEnv = Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !/electron_(mirror|custom)/i.test(key)),
  );
  Object.assign(env, {
    ELECTRON_OVERRIDE_DIST_PATH: noElectron,
    // Port 9 (discard) is closed on loopback: the download is refused at once, on any machine.
    ELECTRON_MIRROR: 'http://127.0.0.1:9/',
    STOCKROOM_PROBE_TIMEOUT_MS: '3000',
  });
  const child = spawn(process.execPath, ['--import', 'tsx', 'electron/launcher/start.ts'], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  return child;
}

function waitFor(
  pattern: RegExp,
  child: ChildProcess,
  timeoutMs: number,
): Promise<RegExpExecArray> {
  return new Promise((resolve, reject) => {
    const timer = setInterval(() => {
      const match = pattern.exec(output);
      if (match) {
        clearInterval(timer);
        resolve(match);
      } else if (child.exitCode !== null) {
        clearInterval(timer);
        reject(new Error(`launcher exited (${child.exitCode}) before ${pattern}:\n${output}`));
      }
    }, 100);
    setTimeout(() => {
      clearInterval(timer);
      reject(new Error(`no ${pattern} within ${timeoutMs} ms:\n${output}`));
    }, timeoutMs);
  });
}

describe('npm start without an Electron binary', () => {
  it('explains in one paragraph, serves the app on 127.0.0.1 and stops on SIGTERM', async () => {
    const started = Date.now();
    launcher = launch();
    const [, url] = await waitFor(/ready: open (http:\/\/127\.0\.0\.1:\d+\/)/, launcher, 170_000);
    console.info(`web fallback ready after ${Date.now() - started} ms`);

    const paragraphs = output.split(/\n\s*\n/).filter((p) => p.includes('Electron runtime'));
    expect(paragraphs).toHaveLength(1);
    expect(paragraphs[0]).toMatch(/cannot be reached/);
    expect(paragraphs[0]).toMatch(/web mode/);
    expect(paragraphs[0]!.trim().split('\n')).toHaveLength(1);
    expect(output).not.toMatch(/^\s+at\s/m);
    expect(output).not.toMatch(/Error:|TypeError|fetch failed/);

    const page = await fetch(url!);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('<title>Stockroom Edge</title>');
    expect(html).toContain('<div id="root">');

    const exited = new Promise((resolve) => launcher!.on('exit', resolve));
    launcher.kill('SIGTERM');
    await exited;
    await new Promise((resolve) => setTimeout(resolve, 500));
    await expect(fetch(url!, { signal: AbortSignal.timeout(2000) })).rejects.toThrow();
  }, 180_000);
});
