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

describe('npm run bench, smoke variant: camera symbologies (figure 10)', () => {
  it('runs both decoders over every symbology and reports a share per symbology', async () => {
    const report = await runBench({ mode: 'smoke', only: new Set(['10']), log: quiet });
    expectReportShape(report, ['10']);
    const shares = figure(report, '10').measurements.filter((m) => m.unit === '% read within 2 s');
    expect(shares).toHaveLength(2 * 9);
    // One sharp scene each: the app's decoder reads every symbology in it.
    expect(shares.filter((m) => m.judgedOn).map((m) => m.value)).toEqual(Array(9).fill(100));
  }, 120_000);
});

describe('npm run bench, smoke variant: indicators (figure 11)', () => {
  it('times the anomaly pass and reports its precision and recall', async () => {
    const report = await runBench({ mode: 'smoke', only: new Set(['11']), log: quiet });
    expectReportShape(report, ['11']);
    const value = (label: string) =>
      figure(report, '11').measurements.find((m) => m.label === label)?.value;
    expect(value('precision')).toBeGreaterThan(0);
    expect(value('recall')).toBeGreaterThan(0);
  }, 120_000);
});

describe('npm run bench, smoke variant: network indicators (figure 12)', () => {
  it('writes events through the write path and answers the network figures from kept totals', async () => {
    const report = await runBench({ mode: 'smoke', only: new Set(['12']), log: quiet });
    expectReportShape(report, ['12']);
    expect(figure(report, '12').headline).toMatch(/kept totals/);
  }, 120_000);
});
