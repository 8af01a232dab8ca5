import { describe, expect, it } from 'vitest';
import type { WedgeScan } from '../../renderer/scanning/attach-wedge';
import { DOUBLE_READ_MS, dropDoubleReads } from '../../renderer/scanning/double-read';
import { WedgeDecoder, type WedgeKey } from '../../renderer/scanning/wedge-decoder';

const down = (key: string, time: number): WedgeKey => ({
  type: 'keydown',
  key,
  ctrlKey: false,
  altKey: false,
  metaKey: false,
  time,
});

/** A scanner's burst of `text` from `start`, 2 ms a key, and its Enter. */
const burst = (text: string, start: number): WedgeKey[] => [
  ...[...text].map((c, i) => down(c, start + i * 2)),
  down('Enter', start + text.length * 2),
];

/** The scans the decoder made of `keys`: each text, and whether it was taken as a double read. */
function scans(keys: WedgeKey[]): [string, boolean][] {
  const decoder = new WedgeDecoder();
  return keys
    .flatMap((key) => decoder.handle(key).outputs)
    .flatMap((o) =>
      o.kind === 'scan' ? [[o.text, o.doubleRead === true] as [string, boolean]] : [],
    );
}

describe("a wedge scanner's double read", () => {
  const label = '0100312345678906';
  const end = (start: number) => start + label.length * 2;

  it('the same label beginning straight after the last one ends is a double read, and a third too', () => {
    const first = burst(label, 1_000);
    const second = burst(label, end(1_000) + 40);
    const third = burst(label, end(end(1_000) + 40) + 40);
    expect(scans([...first, ...second, ...third])).toEqual([
      [label, false],
      [label, true],
      [label, true],
    ]);
  });

  it('another label, the same one after the window, or anything pressed between is a new scan', () => {
    const other = '0100312345678913';
    expect(scans([...burst(label, 1_000), ...burst(other, end(1_000) + 40)])).toEqual([
      [label, false],
      [other, false],
    ]);
    const later = end(1_000) + DOUBLE_READ_MS + 1;
    expect(scans([...burst(label, 1_000), ...burst(label, later)])).toEqual([
      [label, false],
      [label, false],
    ]);
    // Enter to confirm the first, then the second unit at once: the person's, not the scanner's.
    const confirm = down('Enter', end(1_000) + 20);
    expect(scans([...burst(label, 1_000), confirm, ...burst(label, end(1_000) + 60)])).toEqual([
      [label, false],
      [label, false],
    ]);
  });

  it('reaches the screen once; the double read goes to the notice', () => {
    const scan = (doubleRead: boolean): WedgeScan => ({
      raw: label,
      text: label,
      durationMs: 30,
      source: 'wedge',
      ...(doubleRead ? { doubleRead: true as const } : {}),
    });
    const published: boolean[] = [];
    const dropped: boolean[] = [];
    const take = dropDoubleReads(
      (s) => published.push(s.doubleRead === true),
      (s) => dropped.push(s.doubleRead === true),
    );
    take(scan(false));
    take(scan(true));
    expect(published).toEqual([false]);
    expect(dropped).toEqual([true]);
  });
});
