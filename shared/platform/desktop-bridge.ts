/**
 * The one bridge between the stockroom UI and the desktop shell, exposed by the preload as
 * `window.stockroom`. Declared here, once, so the preload (`satisfies DesktopBridge`), the
 * main-process handlers and the renderer's desktop platform all agree at compile time.
 *
 * Every call is async and answers with a result value, never a rejection: Electron turns a thrown
 * error into a bare message and the stable `code` the UI needs would be lost on the way.
 */

export const DESKTOP_BRIDGE_VERSION = 1;

/** The property of `window` the preload fills. */
export const DESKTOP_BRIDGE_GLOBAL = 'stockroom';

export type DesktopErrorCode =
  /** No OS key store the app can trust (on Linux: the `basic_text` backend). */
  | 'secure-storage-unavailable'
  /** A stored secret could not be decrypted (the OS key store was reset or changed). */
  | 'secret-unreadable'
  /** The secret file could not be read or written. */
  | 'secret-store-failed'
  /** The shell refused the call: wrong sender or invalid arguments. */
  | 'ipc-refused'
  /** A link the shell will not open outside the app. */
  | 'link-not-allowed'
  /** The network label printer could not be reached or did not take the label. */
  | 'printer-unreachable'
  /** Something failed inside the shell itself; the log has the details. */
  | 'shell-failed';

export interface DesktopError {
  code: DesktopErrorCode;
  /** For the person at the screen: what happened and what to do. */
  message: string;
}

export type BridgeResult<T> = { ok: true; value: T } | { ok: false; error: DesktopError };

/** Linux backends as Electron names them; `os` elsewhere (Keychain, DPAPI). */
export type SecureStorageBackend =
  'os' | 'basic_text' | 'gnome_libsecret' | 'kwallet' | 'kwallet5' | 'kwallet6' | 'unknown';

export type SecureStorageStatus =
  | { available: true; backend: SecureStorageBackend }
  | { available: false; backend: SecureStorageBackend; error: DesktopError };

export interface DesktopBridge {
  readonly version: typeof DESKTOP_BRIDGE_VERSION;
  /** The local store's encryption key, made on first use and kept in the OS key store. */
  getDatabaseKey(): Promise<BridgeResult<string>>;
  /** This installation's stable device id (not a secret). */
  getDeviceId(): Promise<BridgeResult<string>>;
  /** The token the central endpoint gave this device at enrolment; null before enrolment. */
  getDeviceToken(): Promise<BridgeResult<string | null>>;
  setDeviceToken(token: string): Promise<BridgeResult<null>>;
  clearDeviceToken(): Promise<BridgeResult<null>>;
  /** Whether secrets can be kept, and if not, the message to show. */
  getSecureStorageStatus(): Promise<BridgeResult<SecureStorageStatus>>;
  /** Opens an allow-listed https link in the system browser. */
  openExternal(url: string): Promise<BridgeResult<null>>;
  /**
   * The endpoint this PC enrolled with (null: none). From the next page load on, the page may
   * reach that origin alone (Content-Security-Policy connect-src).
   */
  setEnrolledEndpoint(address: string | null): Promise<BridgeResult<null>>;
  /** Sends a ZPL label to the Zebra printer at `address` (host[:port], raw TCP, 9100 by default). */
  sendToLabelPrinter(address: string, zpl: string): Promise<BridgeResult<null>>;
}

export type DesktopBridgeMethod = Exclude<keyof DesktopBridge, 'version'>;

/** IPC channel per bridge method; the only channels the main process listens on. */
export const DESKTOP_CHANNELS = {
  getDatabaseKey: 'stockroom:get-database-key',
  getDeviceId: 'stockroom:get-device-id',
  getDeviceToken: 'stockroom:get-device-token',
  setDeviceToken: 'stockroom:set-device-token',
  clearDeviceToken: 'stockroom:clear-device-token',
  getSecureStorageStatus: 'stockroom:get-secure-storage-status',
  openExternal: 'stockroom:open-external',
  setEnrolledEndpoint: 'stockroom:set-enrolled-endpoint',
  sendToLabelPrinter: 'stockroom:send-to-label-printer',
} as const satisfies Record<DesktopBridgeMethod, `stockroom:${string}`>;

export type DesktopChannel = (typeof DESKTOP_CHANNELS)[DesktopBridgeMethod];

/** Device tokens are opaque to the app; the bound keeps a hostile caller from filling the disk. */
export const DEVICE_TOKEN_MAX_LENGTH = 4096;
export const EXTERNAL_URL_MAX_LENGTH = 2048;
export const ENDPOINT_ADDRESS_MAX_LENGTH = 2048;
export const PRINTER_ADDRESS_MAX_LENGTH = 260;
/** A label with 99 copies is a few hundred bytes; the bound only stops a page flooding a printer. */
export const ZPL_MAX_LENGTH = 16_384;
