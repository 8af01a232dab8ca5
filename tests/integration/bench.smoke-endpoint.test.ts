import { describe, expect, it } from 'vitest';
import { runBench } from '../bench/run-figures';
import { expectReportShape, figure } from './bench-smoke-shape';

const quiet = () => undefined;

describe('npm run bench, smoke variant: the endpoint (figures 5, 6, 7, 7b and 9a)', () => {
  it('pushes, catches up and fans out through a real endpoint process, and reads its memory', async () => {
    const report = await runBench({
      mode: 'smoke',
      only: new Set(['5', '6', '7', '7b']),
      log: quiet,
    });
    // 5b and 7b run on PostgreSQL, so only where a server answers.
    const postgres = process.env['DATABASE_URL'] ? ['5b', '7b'] : [];
    expectReportShape(report, ['5a', ...postgres, '6', '7', '9a']);
    if (postgres.length > 0) {
      // Streams on both processes: each carries its share, so each reports memory for it.
      const perStreams = figure(report, '7b').measurements.filter((m) =>
        m.label.includes('per 1,000 open streams'),
      );
      expect(perStreams).toHaveLength(2);
    }
    const memory = figure(report, '9a').measurements.filter((m) => m.unit === 'MiB');
    for (const m of memory) expect(m.value).toBeGreaterThan(20);
  }, 300_000);
});
