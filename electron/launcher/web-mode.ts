import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Web mode reuses the stockroom app's own web server (`npm run web`, owned by the renderer): the
 * shell only starts it, waits for its loopback URL and hands that to the user.
 */

// eslint-disable-next-line no-control-regex -- terminal colour codes are control sequences
const ANSI = /\u001b\[[0-9;]*[A-Za-z]/g;
const LOOPBACK_URL = /http:\/\/127\.0\.0\.1:\d{2,5}\/[^\s'"]*/;

/** The first loopback URL in a chunk of server output, colour codes removed. */
export function findLoopbackUrl(output: string): string | null {
  return LOOPBACK_URL.exec(output.replace(ANSI, ''))?.[0] ?? null;
}

export function hasWebScript(projectDir: string): boolean {
  try {
    const pkg = JSON.parse(readFileSync(path.join(projectDir, 'package.json'), 'utf8')) as {
      scripts?: Record<string, unknown>;
    };
    return typeof pkg.scripts?.['web'] === 'string';
  } catch {
    return false;
  }
}

export interface WebServer {
  child: ChildProcess;
  /** Resolves with the URL once the server listens; rejects with its output if it exits first. */
  url: Promise<string>;
  /** Stops the server and everything it started (npm, the build, the preview server). */
  stop(signal?: NodeJS.Signals): void;
}

export function startWebServer(projectDir: string): WebServer {
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const child = spawn(npm, ['run', '-s', 'web'], {
    cwd: projectDir,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, BROWSER: 'none', FORCE_COLOR: '0' },
    shell: process.platform === 'win32',
    // Its own process group, so stopping it reaches the preview server npm started, not just npm.
    detached: process.platform !== 'win32',
  });
  const stop = (signal: NodeJS.Signals = 'SIGTERM') => {
    if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
    try {
      if (process.platform === 'win32') child.kill(signal);
      else process.kill(-child.pid, signal);
    } catch {
      /* already gone */
    }
  };
  let output = '';
  const url = new Promise<string>((resolve, reject) => {
    const watch = (chunk: Buffer) => {
      output = (output + chunk.toString('utf8')).slice(-8000);
      const found = findLoopbackUrl(output);
      if (found) resolve(found);
    };
    child.stdout?.on('data', watch);
    child.stderr?.on('data', watch);
    child.on('error', (error) => reject(new Error(`${error.message}\n${output}`)));
    child.on('exit', (code) => reject(new Error(`web server exited (${String(code)})\n${output}`)));
  });
  return { child, url, stop };
}
