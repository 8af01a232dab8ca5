import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import {
  DESKTOP_CHANNELS,
  type BridgeResult,
  type DesktopBridge,
  type DesktopBridgeMethod,
  type DesktopError,
} from '../../shared/platform/desktop-bridge';
import { argumentCheck } from './ipc-arguments';
import { isAppUrl } from './url-policy';

/**
 * Every IPC call is treated as hostile until shown otherwise: it must come from the top frame of
 * our own page (not an iframe, not a page the window was tricked into loading) and carry exactly
 * the arguments its method declares.
 */

export type BridgeHandlers = {
  [K in DesktopBridgeMethod]: (
    ...args: Parameters<DesktopBridge[K]>
  ) => ReturnType<DesktopBridge[K]>;
};

export type SenderRefusal = 'no-frame' | 'sub-frame' | 'foreign-origin' | 'unknown-window';

/** Minimal view of the invoke event, so the check can be tested without Electron. */
export interface InvokeSender {
  sender: unknown;
  senderFrame: { url: string; parent: unknown } | null;
}

export function checkSender(
  event: InvokeSender,
  isOurWindow: (sender: unknown) => boolean,
): SenderRefusal | null {
  const frame = event.senderFrame;
  // Null when the frame navigated away or was destroyed while the call was in flight.
  if (!frame) return 'no-frame';
  if (frame.parent !== null) return 'sub-frame';
  if (!isAppUrl(frame.url)) return 'foreign-origin';
  if (!isOurWindow(event.sender)) return 'unknown-window';
  return null;
}

export const REFUSED: DesktopError = {
  code: 'ipc-refused',
  message:
    'The desktop app refused a request from the page. Restart Stockroom Edge; if this happens again, tell IT (the details are in the app log).',
};

export const SHELL_FAILED: DesktopError = {
  code: 'shell-failed',
  message:
    'The desktop app could not complete the request. Try again; if it keeps failing, restart Stockroom Edge and tell IT (the details are in the app log).',
};

export interface IpcGuardDeps {
  isOurWindow(sender: unknown): boolean;
  onRefused(channel: string, reason: SenderRefusal | 'invalid-arguments'): void;
  onFailed(channel: string, error: unknown): void;
}

/** Wraps one handler: sender check, argument check, and a thrown error turned into a value. */
export function guardHandler<K extends DesktopBridgeMethod>(
  method: K,
  handler: BridgeHandlers[K],
  deps: IpcGuardDeps,
): (event: InvokeSender, ...args: unknown[]) => Promise<BridgeResult<unknown>> {
  const channel = DESKTOP_CHANNELS[method];
  const argumentsValid = argumentCheck(method);
  return async (event, ...args) => {
    const refusal = checkSender(event, deps.isOurWindow);
    if (refusal) {
      deps.onRefused(channel, refusal);
      return { ok: false, error: REFUSED };
    }
    if (!argumentsValid.check(args)) {
      deps.onRefused(channel, 'invalid-arguments');
      return { ok: false, error: REFUSED };
    }
    try {
      // The tuple check above proved `args` has this method's parameter types.
      const call = handler as (...a: unknown[]) => Promise<BridgeResult<unknown>>;
      return await call(...args);
    } catch (error) {
      deps.onFailed(channel, error);
      return { ok: false, error: SHELL_FAILED };
    }
  };
}

export function registerBridgeHandlers(
  ipcMain: Pick<IpcMain, 'handle'>,
  handlers: BridgeHandlers,
  deps: IpcGuardDeps,
): void {
  for (const method of Object.keys(DESKTOP_CHANNELS) as DesktopBridgeMethod[]) {
    const guarded = guardHandler(method, handlers[method], deps);
    ipcMain.handle(DESKTOP_CHANNELS[method], (event: IpcMainInvokeEvent, ...args: unknown[]) =>
      guarded(event, ...args),
    );
  }
}
