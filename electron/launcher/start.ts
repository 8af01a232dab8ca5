import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { canReach, electronMirror, findElectronBinary, installElectron } from './electron-runtime';
import {
  desktopUnavailableMessage,
  hostOf,
  webModeReadyMessage,
  type DesktopUnavailable,
} from './launch-messages';
import { planLaunch, type LaunchPlan } from './launch-plan';
import { hasWebScript, startWebServer } from './web-mode';

/**
 * `npm start`: build and open the desktop app; where the Electron runtime cannot be had, say so in
 * one paragraph and serve the same app in web mode on 127.0.0.1. Never a stack trace.
 */

const projectDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(import.meta.url);
const PROBE_TIMEOUT_MS = Number(process.env['STOCKROOM_PROBE_TIMEOUT_MS'] ?? 5_000);
/** Long enough to unpack from the download cache; a real download is never attempted offline. */
const CACHED_INSTALL_TIMEOUT_MS = 30_000;
const DOWNLOAD_TIMEOUT_MS = 10 * 60_000;

function say(text: string): void {
  process.stdout.write(`${text}\n`);
}

/** Tool output without the stack frames, for the rare case it must be shown. */
function withoutStack(output: string): string {
  return output
    .split('\n')
    .filter((line) => !/^\s+at\s/.test(line))
    .join('\n')
    .trim()
    .slice(-1500);
}

async function resolveDesktop(): Promise<LaunchPlan> {
  let electronDir: string;
  let version: string;
  try {
    electronDir = path.dirname(require.resolve('electron/package.json'));
    const manifest = readFileSync(path.join(electronDir, 'package.json'), 'utf8');
    version = (JSON.parse(manifest) as { version: string }).version;
  } catch {
    // The electron package itself is missing: npm install did not complete.
    return { mode: 'web', reason: { kind: 'download-failed', version: 'unknown', host: 'npm' } };
  }
  const mirror = electronMirror(process.env);
  return planLaunch({
    version,
    host: hostOf(mirror),
    findBinary: () => findElectronBinary(electronDir, process.env, process.platform),
    canReachHost: () => canReach(mirror, PROBE_TIMEOUT_MS),
    install: (download) =>
      installElectron(electronDir, download ? DOWNLOAD_TIMEOUT_MS : CACHED_INSTALL_TIMEOUT_MS),
    onDownloadStart: () =>
      say(
        `Downloading the Electron runtime ${version} from ${hostOf(mirror)} (once; about 100 MB)…`,
      ),
    isRootOnLinux: process.platform === 'linux' && process.getuid?.() === 0,
  });
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): ChildProcess {
  return spawn(command, args, { cwd: projectDir, stdio: 'inherit', env });
}

function exitWith(child: ChildProcess): void {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => child.kill(signal));
  }
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

async function startDesktop(binary: string): Promise<void> {
  say('Building Stockroom Edge…');
  const build = run(process.execPath, [
    require.resolve('electron-vite/bin/electron-vite.js'),
    'build',
  ]);
  const built = await new Promise<boolean>((resolve) => {
    build.on('exit', (code) => resolve(code === 0));
    build.on('error', () => resolve(false));
  });
  if (!built) {
    say('Stockroom Edge could not be built (the messages above say why). Nothing was started.');
    process.exit(1);
  }
  const env = { ...process.env };
  // Set by some shells and tools; it would make the binary behave as plain Node.
  delete env['ELECTRON_RUN_AS_NODE'];
  exitWith(run(binary, [projectDir], env));
}

async function startWebMode(reason: DesktopUnavailable): Promise<void> {
  say(desktopUnavailableMessage(reason));
  say('');
  if (!hasWebScript(projectDir)) {
    say('This copy of Stockroom Edge has no web server yet (npm run web), so nothing was started.');
    process.exit(1);
  }
  say('Building the web app…');
  const server = startWebServer(projectDir);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(signal, () => server.stop(signal));
  }
  process.on('exit', () => server.stop('SIGTERM'));
  server.child.on('exit', (code) => process.exit(code ?? 0));
  try {
    say(webModeReadyMessage(await server.url));
  } catch (error) {
    say(`The web app could not start:\n${withoutStack(String((error as Error).message))}`);
    server.stop();
    process.exit(1);
  }
}

async function main(): Promise<void> {
  const plan = await resolveDesktop();
  if (plan.mode === 'desktop') await startDesktop(plan.binary);
  else await startWebMode(plan.reason);
}

main().catch((error: unknown) => {
  say(`Stockroom Edge could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
