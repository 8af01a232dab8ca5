import type { BenchReport, FigureResult, Measurement } from './report';
import { roundFigure } from './stats';

const VERDICT: Record<FigureResult['verdict'], string> = {
  met: 'MET',
  missed: 'MISSED',
  'no-target': '—',
  'not-measured': 'NOT MEASURED',
};

function cells(m: Measurement): string[] {
  const f = (x: number | undefined) => (x === undefined ? '' : String(roundFigure(x)));
  if (m.stats) {
    const s = m.stats;
    return [String(s.n), f(s.p50), f(s.p95), f(s.p99), f(s.min), f(s.max)];
  }
  return ['1', f(m.value), '', '', '', ''];
}

function pad(rows: string[][]): string {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length)));
  return rows
    .map((r) =>
      r
        .map((cell, c) => cell.padEnd(widths[c]!))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

/** The table `npm run bench` prints: one block per figure, one line per measured series. */
export function formatTable(report: BenchReport): string {
  const m = report.machine;
  const lines = [
    `Stockroom Edge benchmarks (${report.mode}) — ${report.startedAt}`,
    `machine: ${m.cores} cores (${m.cpuModel}), ${m.memoryGiB} GiB, ${m.os}, node ${m.node}, ${m.chromium}${m.postgres ? `, PostgreSQL ${m.postgres}` : ''}`,
    `load average at start ${report.load.start.join(' ')}, at end ${report.load.end.join(' ')}`,
    '',
  ];
  for (const f of report.figures) {
    lines.push(`[${f.id}] ${f.title} — target ${f.target} — ${VERDICT[f.verdict]}`);
    lines.push(`    ${f.headline}`);
    lines.push(
      `    load ${f.load.start[0]} → ${f.load.end[0]} (1-min), ${(f.durationMs / 1000).toFixed(1)} s`,
    );
    if (f.error) lines.push(`    error: ${f.error.split('\n')[0]}`);
    if (f.measurements.length > 0) {
      const rows = [['', 'series', 'unit', 'n', 'p50', 'p95', 'p99', 'min', 'max']];
      for (const s of f.measurements)
        rows.push([s.judgedOn ? '*' : ' ', s.label, s.unit, ...cells(s)]);
      lines.push(
        pad(rows)
          .split('\n')
          .map((l) => `    ${l}`)
          .join('\n'),
      );
    }
    lines.push('');
  }
  lines.push('* = the series the target is judged on');
  return lines.join('\n');
}
