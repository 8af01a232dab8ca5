import { loadAverage } from './machine';
import type { FigureResult, LoadAverage } from './report';

/** `full` is `npm run bench`; `smoke` runs the same code paths at tiny sizes inside `npm test`. */
export type BenchMode = 'full' | 'smoke';

export interface FigureContext {
  mode: BenchMode;
  /** Progress lines on stderr, so the table on stdout stays clean. */
  log(message: string): void;
}

export type FigureBody = Omit<FigureResult, 'load' | 'durationMs' | 'id' | 'title' | 'target'>;

export interface FigureHeader {
  id: string;
  title: string;
  target: string;
}

/**
 * Runs one figure with the machine's load average read before and after (other engineers share
 * these machines), and turns a failure into a result that says so instead of ending the run.
 */
export async function measureFigure(
  header: FigureHeader,
  body: () => Promise<FigureBody>,
): Promise<FigureResult> {
  const start: LoadAverage = loadAverage();
  const began = performance.now();
  try {
    const result = await body();
    return {
      ...header,
      ...result,
      load: { start, end: loadAverage() },
      durationMs: elapsed(began),
    };
  } catch (error) {
    return {
      ...header,
      verdict: 'not-measured',
      headline: 'not measured: the run failed',
      measurements: [],
      limits: '',
      notes: [],
      error: error instanceof Error ? (error.stack ?? error.message) : String(error),
      load: { start, end: loadAverage() },
      durationMs: elapsed(began),
    };
  }
}

const elapsed = (began: number) => Math.round(performance.now() - began);

/** Waits for the event loop to drain timers and lets the GC settle between measured phases. */
export async function settle(): Promise<void> {
  (globalThis as { gc?: () => void }).gc?.();
  await new Promise((resolve) => setTimeout(resolve, 20));
}
