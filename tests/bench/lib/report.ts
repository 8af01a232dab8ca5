import type { Summary } from './stats';

/** The JSON the runner writes (tests/bench/results/latest.json) and the README quotes. */

export type Verdict = 'met' | 'missed' | 'no-target' | 'not-measured';

/** One measured series: a distribution (`stats`) or a single value (`value`). */
export interface Measurement {
  label: string;
  unit: string;
  stats?: Summary;
  value?: number;
  /** Which statistic the target is judged on, e.g. `p95`; absent for context rows. */
  judgedOn?: keyof Summary | 'value';
}

/** os.loadavg() at a moment: 1, 5 and 15 minutes. */
export type LoadAverage = [number, number, number];

export interface FigureResult {
  /** '1' … '9'; a figure in two parts is '4a', '4b', '9a', '9b'. */
  id: string;
  title: string;
  target: string;
  verdict: Verdict;
  /** The figure in one sentence, for the table and the README. */
  headline: string;
  measurements: Measurement[];
  /** What bounds this figure: the hardware, a library, the design, or the load on the machine. */
  limits: string;
  notes: string[];
  load: { start: LoadAverage; end: LoadAverage };
  durationMs: number;
  /** Set when the figure could not be measured; the run goes on with the others. */
  error?: string;
}

export interface MachineInfo {
  cores: number;
  cpuModel: string;
  memoryGiB: number;
  os: string;
  node: string;
  chromium: string;
  postgres?: string;
}

export interface BenchReport {
  command: string;
  mode: 'full' | 'smoke';
  startedAt: string;
  finishedAt: string;
  machine: MachineInfo;
  load: { start: LoadAverage; end: LoadAverage };
  figures: FigureResult[];
}
