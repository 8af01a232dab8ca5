import type { WedgeScan } from './attach-wedge';

/**
 * A keyboard-wedge scanner left without a "same code delay" reads one label twice: the second
 * read begins a few tens of milliseconds after the first ends. A person scanning two units of the
 * same lot needs well over half a second to move from one label to the next, so a repeat that
 * begins sooner than this is taken as the scanner's, not the person's.
 */
export const DOUBLE_READ_MS = 500;

/**
 * Passes each wedge scan on, except the same text again beginning within DOUBLE_READ_MS of the
 * last one's end: that goes to `onDropped`, so the person is told it counted once. The camera has
 * its own repeat filter (repeat-filter.ts) and is passed through.
 */
export function dropDoubleReads(
  publish: (scan: WedgeScan) => void,
  onDropped: (scan: WedgeScan) => void,
  now: () => number = () => performance.now(),
): (scan: WedgeScan) => void {
  let last: { text: string; endedAt: number } | undefined;
  return (scan) => {
    const endedAt = now();
    const began = endedAt - scan.durationMs;
    const repeat =
      scan.source === 'wedge' &&
      last !== undefined &&
      last.text === scan.text &&
      began - last.endedAt < DOUBLE_READ_MS;
    last = { text: scan.text, endedAt };
    if (repeat) onDropped(scan);
    else publish(scan);
  };
}
