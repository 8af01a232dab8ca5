import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_WINDOW_STATE, restoreWindowState } from '../../electron/main/window-state';

const laptop = { x: 0, y: 0, width: 1920, height: 1080 };
const rightMonitor = { x: 1920, y: 0, width: 2560, height: 1440 };

describe('window state read back from disk', () => {
  it('restores a state that fits the displays', () => {
    const stored = { bounds: { x: 100, y: 50, width: 1400, height: 900 }, maximized: true };
    expect(restoreWindowState(stored, [laptop])).toEqual(stored);
  });

  it('keeps a window on a second monitor while that monitor is there', () => {
    const stored = { bounds: { x: 2000, y: 100, width: 1400, height: 900 }, maximized: false };
    expect(restoreWindowState(stored, [laptop, rightMonitor]).bounds).toEqual(stored.bounds);
    // Monitor unplugged: the OS centres the window on what is left.
    expect(restoreWindowState(stored, [laptop]).bounds).toEqual({ width: 1400, height: 900 });
  });

  it('drops a position whose title bar is off every display', () => {
    const above = { bounds: { x: 100, y: -2000, width: 1000, height: 700 }, maximized: false };
    const left = { bounds: { x: -990, y: 100, width: 1000, height: 700 }, maximized: false };
    expect(restoreWindowState(above, [laptop]).bounds).toEqual({ width: 1000, height: 700 });
    expect(restoreWindowState(left, [laptop]).bounds).toEqual({ width: 1000, height: 700 });
  });

  it('clamps sizes to the minimum and to the largest display', () => {
    const tiny = { bounds: { width: 10, height: 10 }, maximized: false };
    const huge = { bounds: { width: 9000, height: 9000 }, maximized: false };
    expect(restoreWindowState(tiny, [laptop]).bounds).toEqual({ width: 800, height: 600 });
    expect(restoreWindowState(huge, [laptop]).bounds).toEqual({ width: 1920, height: 1080 });
  });

  it.each([
    ['nothing', undefined],
    ['null', null],
    ['a string', '{"bounds":{}}'],
    ['no bounds', { maximized: true }],
    ['NaN width', { bounds: { width: Number.NaN, height: 700 } }],
    ['Infinity height', { bounds: { width: 1000, height: Infinity } }],
    ['fractional size', { bounds: { width: 1000.5, height: 700 } }],
    ['negative size', { bounds: { width: -1000, height: 700 } }],
    ['string size', { bounds: { width: '1000', height: '700' } }],
    ['absurd size', { bounds: { width: 1e12, height: 700 } }],
  ])('falls back to the default for %s', (_why, stored) => {
    expect(restoreWindowState(stored, [laptop])).toEqual(DEFAULT_WINDOW_STATE);
  });

  it('ignores a hostile position but keeps the size', () => {
    const stored = { bounds: { x: '0', y: 1e300, width: 1000, height: 700 }, maximized: 'yes' };
    expect(restoreWindowState(stored, [laptop])).toEqual({
      bounds: { width: 1000, height: 700 },
      maximized: false,
    });
  });

  it('always yields a usable window for any stored value (property)', () => {
    fc.assert(
      fc.property(fc.anything(), (stored) => {
        const { bounds } = restoreWindowState(stored, [laptop, rightMonitor]);
        expect(bounds.width).toBeGreaterThanOrEqual(800);
        expect(bounds.height).toBeGreaterThanOrEqual(600);
        expect(bounds.width).toBeLessThanOrEqual(2560);
        expect(Number.isInteger(bounds.width) && Number.isInteger(bounds.height)).toBe(true);
      }),
    );
  });
});
