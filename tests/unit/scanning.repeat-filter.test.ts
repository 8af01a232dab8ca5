import { describe, expect, it } from 'vitest';
import { REPEAT_AFTER_MS, createRepeatFilter } from '../../renderer/scanning/repeat-filter';

describe('camera repeat filter', () => {
  it('reports a label held in view once, and again only after the repeat time', () => {
    let now = 10_000;
    const isNewScan = createRepeatFilter(() => now);
    expect(isNewScan('A')).toBe(true);
    now += 100;
    expect(isNewScan('A')).toBe(false);
    now += REPEAT_AFTER_MS - 100;
    expect(isNewScan('A')).toBe(false);
    now += 1;
    expect(isNewScan('A')).toBe(true);
  });

  it('reports a different label at once, and the first one again after it', () => {
    let now = 10_000;
    const isNewScan = createRepeatFilter(() => now);
    expect(isNewScan('A')).toBe(true);
    now += 50;
    expect(isNewScan('B')).toBe(true);
    now += 50;
    expect(isNewScan('A')).toBe(true);
  });

  it('counts the repeat time from the last report, not from the last sighting', () => {
    let now = 10_000;
    const isNewScan = createRepeatFilter(() => now);
    expect(isNewScan('A')).toBe(true);
    for (let i = 0; i < 30; i++) {
      now += 100;
      isNewScan('A');
    }
    expect(now - 10_000).toBe(REPEAT_AFTER_MS);
    now += 1;
    expect(isNewScan('A')).toBe(true);
  });
});
