import { describe, expect, it } from 'vitest';
import { runBench } from '../bench/run-figures';
import { expectReportShape, figure } from './bench-smoke-shape';

const quiet = () => undefined;

describe('npm run bench, smoke variant: parsing, replenishment and recall (figures 1, 4)', () => {
  it('runs each figure at tiny sizes and reports every series', async () => {
    const report = await runBench({ mode: 'smoke', only: new Set(['1', '4']), log: quiet });
    expectReportShape(report, ['1', '4a', '4b']);
    const parsing = figure(report, '1');
    const value = (label: string) => parsing.measurements.find((m) => m.label === label)?.value;
    const both = value('inputs accepted by both')!;
    expect(both).toBeGreaterThan(0);
    expect(both).toBeLessThanOrEqual(value('inputs accepted by ours')!);
    expect(both).toBeLessThanOrEqual(value('inputs accepted by theirs')!);
  }, 120_000);
});
