import type { BrowserWindow, Rectangle } from 'electron';
import type { PrivateFile } from './private-file';
import { DEFAULT_WINDOW_STATE, restoreWindowState, type WindowState } from './window-state';

/** Reads the last window state; anything unreadable gives the default. */
export async function loadWindowState(
  file: PrivateFile,
  displays: readonly Rectangle[],
): Promise<WindowState> {
  try {
    const text = await file.read();
    return text === null ? DEFAULT_WINDOW_STATE : restoreWindowState(JSON.parse(text), displays);
  } catch {
    return DEFAULT_WINDOW_STATE;
  }
}

/** Saves the normal (un-maximised) bounds when the window closes, so a restore is sensible. */
export function keepWindowState(
  window: BrowserWindow,
  file: PrivateFile,
  onError: (error: unknown) => void,
): void {
  window.on('close', () => {
    const state: WindowState = {
      bounds: window.getNormalBounds(),
      maximized: window.isMaximized(),
    };
    file.write(`${JSON.stringify(state)}\n`).catch(onError);
  });
}
