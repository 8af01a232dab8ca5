import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Finding the Electron binary without triggering its download. Electron ≥ 42 has no install
 * script: `require('electron')` downloads the binary on first use and throws when it cannot, so
 * the launcher looks for the file itself and runs the download step explicitly, with a timeout.
 */

export const DEFAULT_ELECTRON_MIRROR = 'https://github.com/electron/electron/releases/download/';

const EXECUTABLE_BY_PLATFORM: Partial<Record<NodeJS.Platform, string>> = {
  linux: 'electron',
  freebsd: 'electron',
  openbsd: 'electron',
  win32: 'electron.exe',
  darwin: 'Electron.app/Contents/MacOS/Electron',
};

/** The path of the Electron executable if it is on disk, else null. Never downloads. */
export function findElectronBinary(
  electronPackageDir: string,
  env: NodeJS.ProcessEnv,
  platform: NodeJS.Platform,
  exists: (file: string) => boolean = existsSync,
  read: (file: string) => string = (file) => readFileSync(file, 'utf8'),
): string | null {
  const pathFile = path.join(electronPackageDir, 'path.txt');
  const recorded = exists(pathFile) ? read(pathFile).trim() : '';
  const executable = recorded || EXECUTABLE_BY_PLATFORM[platform];
  if (!executable) return null;
  const override = env['ELECTRON_OVERRIDE_DIST_PATH'];
  const candidate = override
    ? path.join(override, executable)
    : recorded
      ? path.join(electronPackageDir, 'dist', executable)
      : null;
  return candidate && exists(candidate) ? candidate : null;
}

/** Where @electron/get downloads from, honouring the same mirror settings it reads. */
export function electronMirror(env: NodeJS.ProcessEnv): string {
  return (
    env['npm_config_electron_mirror'] ??
    env['NPM_CONFIG_ELECTRON_MIRROR'] ??
    env['ELECTRON_MIRROR'] ??
    DEFAULT_ELECTRON_MIRROR
  );
}

/** Whether the download host answers at all (any HTTP status counts) within the timeout. */
export async function canReach(url: string, timeoutMs: number): Promise<boolean> {
  try {
    await fetch(url, {
      method: 'HEAD',
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
    });
    return true;
  } catch {
    return false;
  }
}

export type InstallOutcome =
  { ok: true } | { ok: false; reason: 'timeout' | 'failed'; output: string };

/**
 * Runs the electron package's own download step (install.js), which also succeeds offline when
 * the archive is already in the download cache. Its output is collected, not shown: on failure
 * it is a stack trace, which the launcher replaces with a sentence.
 */
export function installElectron(
  electronPackageDir: string,
  timeoutMs: number,
): Promise<InstallOutcome> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(electronPackageDir, 'install.js')], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: process.env,
    });
    let output = '';
    const collect = (chunk: Buffer) => {
      output = (output + chunk.toString('utf8')).slice(-4000);
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      resolve({ ok: false, reason: 'timeout', output });
    }, timeoutMs);
    child.on('error', () => {
      clearTimeout(timer);
      resolve({ ok: false, reason: 'failed', output });
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve(code === 0 ? { ok: true } : { ok: false, reason: 'failed', output });
    });
  });
}
