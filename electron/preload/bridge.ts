import {
  DESKTOP_BRIDGE_VERSION,
  DESKTOP_CHANNELS,
  type DesktopBridge,
  type DesktopBridgeMethod,
  type DesktopChannel,
} from '../../shared/platform/desktop-bridge';

/** `ipcRenderer.invoke`, narrowed: the page never gets it, only the named functions below. */
export type Invoke = (channel: DesktopChannel, ...args: unknown[]) => Promise<unknown>;

/**
 * The bridge the page sees as `window.stockroom`. Each function forwards exactly its declared
 * arguments — never `...args` from the page — to its one channel; the main process checks them
 * again, since a compromised page could call the channels some other way.
 */
export function createDesktopBridge(invoke: Invoke) {
  const call =
    <K extends DesktopBridgeMethod>(method: K) =>
    (...args: Parameters<DesktopBridge[K]>) =>
      invoke(DESKTOP_CHANNELS[method], ...args) as ReturnType<DesktopBridge[K]>;

  return Object.freeze({
    version: DESKTOP_BRIDGE_VERSION,
    getDatabaseKey: () => call('getDatabaseKey')(),
    getDeviceId: () => call('getDeviceId')(),
    getDeviceToken: () => call('getDeviceToken')(),
    setDeviceToken: (token: string) => call('setDeviceToken')(token),
    clearDeviceToken: () => call('clearDeviceToken')(),
    getSecureStorageStatus: () => call('getSecureStorageStatus')(),
    openExternal: (url: string) => call('openExternal')(url),
    setEnrolledEndpoint: (address: string | null) => call('setEnrolledEndpoint')(address),
    sendToLabelPrinter: (address: string, zpl: string) => call('sendToLabelPrinter')(address, zpl),
  } satisfies DesktopBridge);
}
