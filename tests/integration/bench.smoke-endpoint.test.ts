import { describe, expect, it } from 'vitest';
import { runBench } from '../bench/run-figures';
import { expectReportShape, figure } from './bench-smoke-shape';

const quiet = () => undefined;

describe('npm run bench, smoke variant: the endpoint (figures 5, 6, 7 and 9a)', () => {
  it('pushes, catches up and fans out through a real endpoint process, and reads its memory', async () => {
    const report = await runBench({ mode: 'smoke', only: new Set(['5', '6', '7']), log: quiet });
    const ingest = process.env['DATABASE_URL'] ? ['5a', '5b'] : ['5a'];
    expectReportShape(report, [...ingest, '6', '7', '9a']);
    const memory = figure(report, '9a').measurements.filter((m) => m.unit === 'MiB');
    for (const m of memory) expect(m.value).toBeGreaterThan(20);
  }, 300_000);
});
