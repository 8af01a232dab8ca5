import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const GS = '\u001d';

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** The real command as `npm run barcode` runs it (tsx), minus npm's own start-up time. */
function barcode(args: readonly string[], stdin = ''): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'sync/cli/barcode.ts', ...args], {
      cwd: ROOT,
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin);
  });
}

const lines = (text: string) =>
  text
    .trimEnd()
    .split('\n')
    .map((line) => JSON.parse(line) as Record<string, unknown>);

describe('npm run barcode', () => {
  it('prints one JSON object and exits 0 for a good scan', async ({ expect }) => {
    const run = await barcode(['--today', '2026-11-23', ']C1010950400005910117290331']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({
      ok: true,
      standard: 'GS1',
      symbology: ']C1',
      gtin: '09504000059101',
      expiry: '2029-03-31',
      expiryRaw: '290331',
    });
  });

  it('exits 1 for a refused scan and says why', async ({ expect }) => {
    const run = await barcode(['--today', '2026-11-23', '(01)09504000059101(17)290332']);
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout)).toMatchObject({ ok: false, error: { code: 'GS1_BAD_DATE' } });
  });

  it('reads \\u001d in the argument as GS and honours --separator', async ({ expect }) => {
    const escaped = await barcode(['--today', '2026-11-23', '0109504000059101\\u001d10ABC']);
    expect(JSON.parse(escaped.stdout)).toMatchObject({ ok: true, lot: 'ABC' });
    const caret = await barcode([
      '--today=2026-11-23',
      '--separator',
      '^',
      '0109504000059101' + '10A^21B',
    ]);
    expect(JSON.parse(caret.stdout)).toMatchObject({ ok: true, lot: 'A', serial: 'B' });
  });

  it('uses the computer date when --today is not given', async ({ expect }) => {
    const now = new Date();
    const pad = (n: number) => String(n).padStart(2, '0');
    const today = `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
    // Near midnight the two runs could see different days; YY 50 years ahead lands the same either way.
    const yy = pad((now.getFullYear() + 50) % 100);
    const data = `0109504000059101` + `17${yy}0101`;
    const [implicit, explicit] = await Promise.all([
      barcode([data]),
      barcode(['--today', today, data]),
    ]);
    expect(implicit.code).toBe(0);
    expect(implicit.stdout).toBe(explicit.stdout);
  });

  it.for([
    [['--today', '2026-02-30', '0109504000059101'], /--today/],
    [['--today', '23/11/2026', '0109504000059101'], /--today/],
    [[], /no scan data/],
    [['a', 'b'], /one scan at a time/],
    [['--batch', 'a'], /stdin/],
    [['--colour', 'x'], /colour/],
  ] as const)('exits 2 with usage on stderr for %j', async ([args, reason], { expect }) => {
    const run = await barcode(args);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(reason);
    expect(run.stderr).toMatch(/usage: npm run -s barcode/);
  });

  it('prints usage for --help', async ({ expect }) => {
    const run = await barcode(['--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/--batch/);
  });
});

describe('npm run barcode -- --batch', () => {
  it('prints one JSON line per input line, in order, raw GS, \\u001d and CRLF alike', async ({
    expect,
  }) => {
    const input = [
      `0109504000059101${GS}10RAW${GS}17290331`,
      '0109504000059101\\u001d10ESCAPED\\u001D17290331',
      '+H123CAT1001V',
      '(01)09504000059101(10)HR',
    ].join('\r\n');
    const run = await barcode(['--batch', '--today', '2026-11-23'], `${input}\r\n`);
    expect(run.code).toBe(0);
    const results = lines(run.stdout);
    expect(results.map((r) => r.lot ?? r.form)).toEqual(['RAW', 'ESCAPED', 'hibcc-primary', 'HR']);
    expect(results[0]).toMatchObject({ expiry: '2029-03-31' });
  });

  it('exits 1 when any line is refused, and still answers every line', async ({ expect }) => {
    const run = await barcode(
      ['--batch', '--today', '2026-11-23'],
      '4006381333931\n\n4006381333932\n',
    );
    expect(run.code).toBe(1);
    expect(lines(run.stdout).map((r) => r.ok)).toEqual([true, false, false]);
  });

  it('streams a large input through in order', async ({ expect }) => {
    const count = 20_000;
    const input = Array.from({ length: count }, (_, i) => `0109504000059101${GS}10L${i}`).join(
      '\n',
    );
    const run = await barcode(['--batch', '--today', '2026-11-23'], input);
    expect(run.code).toBe(0);
    const results = lines(run.stdout);
    expect(results).toHaveLength(count);
    expect(results.every((r, i) => r.lot === `L${i}`)).toBe(true);
  }, 60_000);
});
