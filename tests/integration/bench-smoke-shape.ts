import { expect } from 'vitest';
import { formatTable } from '../bench/lib/table';
import type { BenchReport, FigureResult } from '../bench/lib/report';

/**
 * What every figure of `npm run bench` must carry, whatever the machine: not its timings (a
 * benchmark is not a test), but a verdict, a headline, measured series with sound statistics, the
 * load average around it, and no error.
 */
export function expectFigureShape(figure: FigureResult): void {
  expect(figure.error, `figure ${figure.id}: ${figure.error}`).toBeUndefined();
  expect(['met', 'missed', 'no-target']).toContain(figure.verdict);
  expect(figure.headline.length).toBeGreaterThan(10);
  expect(figure.limits.length).toBeGreaterThan(10);
  expect(figure.load.start).toHaveLength(3);
  expect(figure.load.end).toHaveLength(3);
  expect(figure.measurements.length).toBeGreaterThan(0);
  for (const m of figure.measurements) {
    if (m.stats) {
      const s = m.stats;
      expect(s.n, `${figure.id} ${m.label}`).toBeGreaterThan(0);
      for (const x of [s.min, s.p50, s.p95, s.p99, s.max]) expect(Number.isFinite(x)).toBe(true);
      expect(s.min).toBeLessThanOrEqual(s.p50);
      expect(s.p50).toBeLessThanOrEqual(s.p95);
      expect(s.p95).toBeLessThanOrEqual(s.p99);
      expect(s.p99).toBeLessThanOrEqual(s.max);
    } else {
      expect(Number.isFinite(m.value), `${figure.id} ${m.label}`).toBe(true);
    }
  }
  if (figure.verdict !== 'no-target') {
    expect(figure.measurements.some((m) => m.judgedOn !== undefined)).toBe(true);
  }
}

export function expectReportShape(report: BenchReport, ids: readonly string[]): void {
  expect(report.mode).toBe('smoke');
  expect(report.machine.cores).toBeGreaterThan(0);
  expect(report.machine.node).toBe(process.version);
  expect(report.figures.map((f) => f.id).sort()).toEqual([...ids].sort());
  for (const figure of report.figures) expectFigureShape(figure);
  const table = formatTable(report);
  for (const id of ids) expect(table).toContain(`[${id}]`);
}

export function figure(report: BenchReport, id: string): FigureResult {
  const found = report.figures.find((f) => f.id === id);
  if (!found) throw new Error(`no figure ${id}`);
  return found;
}
