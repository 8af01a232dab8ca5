import { describe, expect, it } from 'vitest';
import { mainWindowOptions, secureWebPreferences } from '../../electron/main/window-options';

const input = {
  preloadPath: '/opt/stockroom/resources/app.asar/out/preload/index.cjs',
  bounds: { x: 10, y: 20, width: 1280, height: 800 },
  devTools: false,
};

describe('window options: the renderer sandbox stated explicitly', () => {
  const prefs = mainWindowOptions(input).webPreferences!;

  it.each([
    ['contextIsolation', true],
    ['sandbox', true],
    ['nodeIntegration', false],
    ['nodeIntegrationInWorker', false],
    ['nodeIntegrationInSubFrames', false],
    ['webviewTag', false],
    ['webSecurity', true],
    ['allowRunningInsecureContent', false],
    ['experimentalFeatures', false],
    ['enableWebSQL', false],
    ['plugins', false],
    ['navigateOnDragDrop', false],
    ['safeDialogs', true],
  ] as const)('%s is %s', (key, value) => {
    // Own property, not a default that a future Electron could change.
    expect(Object.prototype.hasOwnProperty.call(prefs, key)).toBe(true);
    expect(prefs[key]).toBe(value);
  });

  it('enables no Blink feature and loads the preload given', () => {
    expect(prefs.enableBlinkFeatures).toBeUndefined();
    expect(prefs.additionalArguments).toBeUndefined();
    expect(prefs.preload).toBe(input.preloadPath);
  });

  it('gives DevTools only when asked (unpackaged builds)', () => {
    expect(prefs.devTools).toBe(false);
    expect(secureWebPreferences('/p.cjs', true).devTools).toBe(true);
  });

  it('starts hidden and places the window where it was', () => {
    const options = mainWindowOptions(input);
    expect(options.show).toBe(false);
    expect([options.x, options.y, options.width, options.height]).toEqual([10, 20, 1280, 800]);
    const centred = mainWindowOptions({ ...input, bounds: { width: 1000, height: 700 } });
    expect('x' in centred || 'y' in centred).toBe(false);
  });
});
