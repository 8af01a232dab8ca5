/**
 * The window's size, place and maximised state, kept between runs. What is read back from disk is
 * untrusted: a hand-edited or truncated file, or a monitor unplugged since, must never put the
 * window off-screen or at an absurd size.
 */

export interface WindowBounds {
  x?: number;
  y?: number;
  width: number;
  height: number;
}

export interface WindowState {
  bounds: WindowBounds;
  maximized: boolean;
}

export interface Rectangle {
  x: number;
  y: number;
  width: number;
  height: number;
}

export const DEFAULT_WINDOW_STATE: WindowState = {
  bounds: { width: 1280, height: 800 },
  maximized: false,
};

const MIN_WIDTH = 800;
const MIN_HEIGHT = 600;
const MAX_EXTENT = 16_384;
/** How much of the title bar must lie on a display for the user to grab the window. */
const MIN_VISIBLE = 64;

function isInteger(value: unknown, min: number, max: number): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max;
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(Math.max(value, min), max);
}

function overlaps(bounds: Required<WindowBounds>, display: Rectangle): boolean {
  const left = Math.max(bounds.x, display.x);
  const right = Math.min(bounds.x + bounds.width, display.x + display.width);
  const top = Math.max(bounds.y, display.y);
  const bottom = Math.min(
    bounds.y + Math.min(bounds.height, MIN_VISIBLE),
    display.y + display.height,
  );
  return right - left >= MIN_VISIBLE && bottom - top > 0;
}

/**
 * Turns whatever was stored into a state that fits the displays present now. Sizes are clamped;
 * a position is kept only if the top of the window lands on some display, otherwise the OS
 * centres it.
 */
export function restoreWindowState(stored: unknown, displays: readonly Rectangle[]): WindowState {
  if (typeof stored !== 'object' || stored === null) return DEFAULT_WINDOW_STATE;
  const { bounds, maximized } = stored as { bounds?: unknown; maximized?: unknown };
  if (typeof bounds !== 'object' || bounds === null) return DEFAULT_WINDOW_STATE;
  const { x, y, width, height } = bounds as Record<string, unknown>;
  if (!isInteger(width, 1, MAX_EXTENT) || !isInteger(height, 1, MAX_EXTENT)) {
    return DEFAULT_WINDOW_STATE;
  }
  const widest = displays.length > 0 ? Math.max(...displays.map((d) => d.width)) : MAX_EXTENT;
  const tallest = displays.length > 0 ? Math.max(...displays.map((d) => d.height)) : MAX_EXTENT;
  const fitted = {
    width: clamp(width, MIN_WIDTH, Math.max(MIN_WIDTH, widest)),
    height: clamp(height, MIN_HEIGHT, Math.max(MIN_HEIGHT, tallest)),
  };
  const state: WindowState = { bounds: fitted, maximized: maximized === true };
  if (!isInteger(x, -MAX_EXTENT, MAX_EXTENT) || !isInteger(y, -MAX_EXTENT, MAX_EXTENT))
    return state;
  const placed = { x, y, ...fitted };
  return displays.some((d) => overlaps(placed, d)) ? { ...state, bounds: placed } : state;
}
