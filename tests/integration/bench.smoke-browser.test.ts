import { describe, expect, it } from 'vitest';
import { runBench } from '../bench/run-figures';
import { expectReportShape, figure } from './bench-smoke-shape';

const quiet = () => undefined;

describe('npm run bench, smoke variant: the app in Chromium (figures 2, 3, 3b, 8 and 9b)', () => {
  it('seeds the app store, scans to commit, starts cold and decodes camera frames', async () => {
    const report = await runBench({
      mode: 'smoke',
      only: new Set(['2', '3', '3b', '8']),
      log: quiet,
    });
    expectReportShape(report, ['2', '3', '3b', '8', '9b']);
    // The history goes in as raw IndexedDB rows; RxDB counts every one as its own (1,000 on one
    // profile, 500 on the other, beside the same demo seed).
    const stored = (id: string) =>
      Number(/(\d+) events stored/.exec(figure(report, id).title)?.[1]);
    expect(stored('3b') - stored('3')).toBe(500);
    const commit = figure(report, '2').measurements.find((m) => m.label.startsWith('commit'));
    expect(commit?.stats?.n).toBe(3);
  }, 300_000);
});
