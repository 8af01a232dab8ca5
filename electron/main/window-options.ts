import type { BrowserWindowConstructorOptions, WebPreferences } from 'electron';
import type { WindowBounds } from './window-state';

/**
 * The renderer's sandbox, stated in full rather than left to defaults: a default that changes
 * between Electron versions must not change what a stockroom PC exposes.
 */
export function secureWebPreferences(preloadPath: string, devTools: boolean): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webviewTag: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    enableWebSQL: false,
    plugins: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    spellcheck: false,
    devTools,
  };
}

export interface MainWindowInput {
  preloadPath: string;
  bounds: WindowBounds;
  /** DevTools only for unpackaged builds: a stockroom PC's user has no use for a console. */
  devTools: boolean;
}

export function mainWindowOptions(input: MainWindowInput): BrowserWindowConstructorOptions {
  const { x, y, width, height } = input.bounds;
  return {
    ...(x === undefined || y === undefined ? {} : { x, y }),
    width,
    height,
    minWidth: 800,
    minHeight: 600,
    title: 'Stockroom Edge',
    backgroundColor: '#ffffff',
    // Shown on ready-to-show, so the user never sees an empty white frame flash.
    show: false,
    autoHideMenuBar: true,
    webPreferences: secureWebPreferences(input.preloadPath, input.devTools),
  };
}
