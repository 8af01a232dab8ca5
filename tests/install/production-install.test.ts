import { spawn, spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * The endpoint's production install, as an operator does it on a fresh machine: `git clone`,
 * `npm ci --omit=dev`, `npm run sync`. Nothing from this checkout's node_modules is used, so a
 * run-time package left in devDependencies, or a start that needs tsx, fails here.
 *
 * It clones the committed HEAD (uncommitted edits are not in a clone). npm's cache makes the
 * install take seconds (`--prefer-offline`): CI's own `npm ci` has just filled it.
 */

const root = path.resolve(import.meta.dirname, '../..');
const work = mkdtempSync(path.join(tmpdir(), 'stockroom-install-'));
const clone = path.join(work, 'clone');
const dataDir = path.join(work, 'data');

/** npm's settings from the `npm run` that started this test would leak into the child npm. */
function cleanEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!/^npm_/i.test(key) && key !== 'DATABASE_URL' && key !== 'NODE_OPTIONS') env[key] = value;
  }
  return { ...env, ...extra };
}

function run(
  command: string,
  args: string[],
  cwd: string,
  env: Record<string, string> = {},
): SpawnSyncReturns<string> {
  const started = Date.now();
  const result = spawnSync(command, args, {
    cwd,
    encoding: 'utf8',
    env: cleanEnv(env),
    timeout: 240_000,
  });
  console.info(`${command} ${args.join(' ')}: ${((Date.now() - started) / 1000).toFixed(1)} s`);
  if (result.status !== 0) {
    throw new Error(
      `${command} ${args.join(' ')} → ${result.status}\n${result.stdout}${result.stderr}`,
    );
  }
  return result;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('production install of the endpoint', () => {
  it('serves /readyz from a fresh clone after npm ci --omit=dev && npm run sync', async () => {
    run('git', ['clone', '--quiet', '--no-hardlinks', root, clone], work);
    const commit = run('git', ['rev-parse', '--short', 'HEAD'], clone).stdout.trim();
    console.info(`testing commit ${commit}`);
    run('npm', ['ci', '--omit=dev', '--prefer-offline', '--no-audit', '--no-fund'], clone);

    // Only run-time packages came: no TypeScript runner, compiler or test tool.
    for (const devOnly of ['tsx', 'typescript', 'vitest', 'electron', 'vite']) {
      expect(existsSync(path.join(clone, 'node_modules', devOnly)), devOnly).toBe(false);
    }

    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const endpoint = spawn('npm', ['run', 'sync'], {
      cwd: clone,
      env: cleanEnv({ DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', DRAIN_MS: '2000' }),
    });
    let output = '';
    endpoint.stdout.on('data', (c: Buffer) => (output += c.toString()));
    endpoint.stderr.on('data', (c: Buffer) => (output += c.toString()));
    const exited = new Promise<number | null>((resolve) => endpoint.on('exit', (c) => resolve(c)));
    try {
      const started = Date.now();
      let status = 0;
      while (status !== 200) {
        if (endpoint.exitCode !== null) throw new Error(`npm run sync exited: ${output}`);
        if (Date.now() - started > 90_000) throw new Error(`no /readyz in 90 s: ${output}`);
        status = await fetch(`${url}/readyz`).then(
          (r) => r.status,
          () => 0,
        );
        if (status !== 200) await new Promise((r) => setTimeout(r, 200));
      }
      console.info(
        `npm run sync → /readyz 200 after ${((Date.now() - started) / 1000).toFixed(1)} s`,
      );
      // The compiled bundle runs, not the sources through tsx.
      expect(output).toContain('out/sync/main.mjs');
      expect(existsSync(path.join(clone, 'out/sync/main.mjs'))).toBe(true);

      // An admin command beside it goes through its admin API, from the same production install.
      const added = run(
        'npm',
        ['run', '-s', 'sync', '--', 'facility', 'add', '--id', 'FAC-PROD', '--name', 'Prod'],
        clone,
        { DATA_DIR: dataDir },
      );
      expect(JSON.parse(added.stdout)).toMatchObject({ facility: { id: 'FAC-PROD' } });
      const listed = run('npm', ['run', '-s', 'sync', '--', 'facility', 'list'], clone, {
        DATA_DIR: dataDir,
      });
      expect(listed.stdout).toContain('FAC-PROD');
    } finally {
      // SIGTERM to the endpoint itself (its pid is in the folder's lock file), as a service
      // manager sends it; npm then exits with the endpoint's code.
      const lock = JSON.parse(readFileSync(path.join(dataDir, 'endpoint.lock'), 'utf8')) as {
        pid: number;
      };
      process.kill(lock.pid, 'SIGTERM');
    }
    expect(await exited).toBe(0);
  }, 300_000);
});
