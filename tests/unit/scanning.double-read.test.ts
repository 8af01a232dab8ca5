import { describe, expect, it } from 'vitest';
import type { WedgeScan } from '../../renderer/scanning/attach-wedge';
import { DOUBLE_READ_MS, dropDoubleReads } from '../../renderer/scanning/double-read';

const scan = (text: string, source: WedgeScan['source'] = 'wedge'): WedgeScan => ({
  raw: text,
  text,
  durationMs: 40,
  source,
});

describe("a wedge scanner's double read counts once", () => {
  it('drops the same label beginning within the window of the last end, and keeps the rest', () => {
    let clock = 1_000;
    const passed: string[] = [];
    const dropped: string[] = [];
    const take = dropDoubleReads(
      (s) => passed.push(s.text),
      (s) => dropped.push(s.text),
      () => clock,
    );
    take(scan('A'));
    clock += 80; // began 40 ms after the first ended: the scanner's
    take(scan('A'));
    clock += 100; // a third read in the same burst
    take(scan('A'));
    clock += 90; // another label at once: a person's
    take(scan('B'));
    clock += 60 + DOUBLE_READ_MS; // the same label again, half a second later: a second unit
    take(scan('B'));
    expect(passed).toEqual(['A', 'B', 'B']);
    expect(dropped).toEqual(['A', 'A']);
  });

  it('leaves the camera to its own repeat filter', () => {
    const passed: string[] = [];
    const take = dropDoubleReads(
      (s) => passed.push(s.text),
      () => undefined,
      () => 5_000,
    );
    take(scan('A', 'camera'));
    take(scan('A', 'camera'));
    expect(passed).toEqual(['A', 'A']);
  });
});
