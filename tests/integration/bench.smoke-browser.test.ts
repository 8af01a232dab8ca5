import { describe, expect, it } from 'vitest';
import { runBench } from '../bench/run-figures';
import { expectReportShape, figure } from './bench-smoke-shape';

const quiet = () => undefined;

describe('npm run bench, smoke variant: the app in Chromium (figures 2, 3, 8 and 9b)', () => {
  it('seeds the app store, scans to commit, starts cold and decodes camera frames', async () => {
    const report = await runBench({ mode: 'smoke', only: new Set(['2', '3', '8']), log: quiet });
    expectReportShape(report, ['2', '3', '8', '9b']);
    const commit = figure(report, '2').measurements.find((m) => m.label.startsWith('commit'));
    expect(commit?.stats?.n).toBe(3);
  }, 300_000);
});
