import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Runs the harness exactly as `npm run chaos` does, small enough for every `npm test`. */
function runChaos(
  args: string[],
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'tests/chaos/run-chaos.ts', ...args],
      {
        cwd: ROOT,
        env: process.env,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

it('chaos (short): 4 PCs in 2 facilities through a faulty network, a SIGKILLed server and killed PCs lose, repeat and diverge nothing', async () => {
  const run = await runChaos([
    '--devices',
    '4',
    '--events',
    '240',
    '--seed',
    '11',
    '--round-ms',
    '250',
    '--settle-ms',
    '60000',
  ]);
  const summary = run.stdout.trim().split('\n').at(-1) ?? '';
  expect(summary, run.stderr.slice(-4000)).toMatch(/^chaos seed=11 devices=4 facilities=2 /);
  expect(summary).toContain('events created=240 stored=240 duplicated=0 lost=0 altered=0');
  expect(summary).toContain('PCs divergent=0 foreign=0 gaps=0 alarms=0 requests-divergent=0');
  expect(summary).toMatch(/server-kills=[1-9]\d* \(mid-push [1-9]/);
  expect(summary).toMatch(/pc-kills=[1-9]\d* \(mid-push [1-9]/);
  expect(run.code).toBe(0);
}, 150_000);
