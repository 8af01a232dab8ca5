import { describe, expect, it } from 'vitest';
import { performanceSection, withPerformanceSection } from '../bench/lib/readme-section';
import type { BenchReport, FigureResult } from '../bench/lib/report';
import { summarise } from '../bench/lib/stats';

function figure(id: string, verdict: FigureResult['verdict'], p95: number): FigureResult {
  return {
    id,
    title: `Figure ${id}`,
    target: '≤ 10 ms',
    verdict,
    headline: `headline ${id}`,
    measurements: [{ label: 'span', unit: 'ms', stats: summarise([1, 2, p95]), judgedOn: 'p95' }],
    limits: `limit ${id}`,
    notes: [],
    load: { start: [1, 1, 1], end: [1, 1, 1] },
    durationMs: 10,
  };
}

const report: BenchReport = {
  command: 'npm run bench',
  mode: 'full',
  startedAt: '2026-11-24T02:00:00.000Z',
  finishedAt: '2026-11-24T02:15:00.000Z',
  machine: {
    cores: 2,
    cpuModel: 'cpu',
    memoryGiB: 24,
    os: 'Linux',
    node: 'v20',
    chromium: 'Chromium 156',
  },
  load: { start: [1, 1, 1], end: [1, 1, 1] },
  figures: [figure('1', 'met', 3), figure('8', 'missed', 40)],
};

describe('the README Performance section written from a bench report', () => {
  it('lists every figure with its judged statistic and explains only the misses', () => {
    const section = performanceSection(report);
    expect(section).toContain('| 1 | Figure 1 | ≤ 10 ms | 3 ms (p95) |');
    expect(section).toContain('| 8 | Figure 8 | ≤ 10 ms | 40 ms (p95) |');
    expect(section).toContain(
      '- **8 Figure 8** — 40 ms (p95) against ≤ 10 ms. The camera scanner decodes each new camera frame',
    );
    expect(section).not.toContain('- **1 Figure 1** —');
    expect(section).not.toContain('busy during part of this run');
  });

  it('says the machine was busy when the load average exceeded its cores', () => {
    const busy = {
      ...report,
      figures: [{ ...figure('1', 'met', 3), load: { start: [6, 5, 4], end: [7, 5, 4] } }],
    };
    expect(performanceSection(busy as BenchReport)).toContain('busy during part of this run');
  });

  it('appends the section when the README has none', () => {
    expect(withPerformanceSection('# App\n\n## Layout\n\ntext\n', '## Performance\n\nnew\n')).toBe(
      '# App\n\n## Layout\n\ntext\n\n## Performance\n\nnew\n',
    );
  });

  it('replaces only the Performance section, keeping what comes before and after', () => {
    const readme = '# App\n\n## Performance\n\nold\n\n### sub\n\nold too\n\n## Layout\n\nkept\n';
    expect(withPerformanceSection(readme, '## Performance\n\nnew\n')).toBe(
      '# App\n\n## Performance\n\nnew\n\n## Layout\n\nkept\n',
    );
  });
});
