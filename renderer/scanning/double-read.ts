import type { WedgeScan } from './attach-wedge';

/**
 * A keyboard-wedge scanner left without a "same code delay" reads one label twice: the second
 * burst follows the first one's Enter at the scanner's own pace, within tens of milliseconds. A
 * person presenting the next unit of one lot, even sweeping units past a presentation scanner as
 * scan-to-count invites, needs several hundred; anything pressed in between (Enter to confirm, a
 * quantity) shows the second read is theirs. The window sits between the two, nearer the scanner,
 * because dropping a person's real scan would undercount.
 */
export const DOUBLE_READ_MS = 200;

/** The wedge decoder's memory of its last scan, fed with the keys' own times. */
export class DoubleReadGuard {
  private last: { text: string; endedAt: number } | undefined;

  /** A key that belonged to no scan: the person acted between two reads. */
  interrupt(): void {
    this.last = undefined;
  }

  /** Whether a scan of `text` that began at `began` repeats the last one straight after it. */
  repeats(text: string, began: number, ended: number): boolean {
    const repeat =
      this.last !== undefined &&
      this.last.text === text &&
      began - this.last.endedAt < DOUBLE_READ_MS;
    this.last = { text, endedAt: ended };
    return repeat;
  }
}

/**
 * Passes each scan on, except a double read: that goes to `onDropped`, so the person is told it
 * counted once. The camera has its own repeat filter (repeat-filter.ts).
 */
export function dropDoubleReads(
  publish: (scan: WedgeScan) => void,
  onDropped: (scan: WedgeScan) => void,
): (scan: WedgeScan) => void {
  return (scan) => (scan.doubleRead ? onDropped(scan) : publish(scan));
}
