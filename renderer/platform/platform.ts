/**
 * What the renderer needs from the machine it runs on. The desktop shell supplies it through the
 * typed `window.stockroom` bridge; a plain browser gets the web fallback. Chosen once at start-up.
 */
export type KeyProtection =
  /** The operating system's secure storage holds the key (desktop shell). */
  | 'os-secure-storage'
  /** A key kept in this browser profile: anyone who can read the profile can read it. */
  | 'per-install';

export interface Platform {
  readonly kind: 'desktop' | 'web';
  readonly keyProtection: KeyProtection;
  /** The key the local store encrypts personal fields with; made once per install. */
  databaseKey(): Promise<string>;
  /** A stable id for this installation, used as the stock events' deviceId. */
  deviceId(): Promise<string>;
  /** The token the central endpoint gave this PC at enrolment; null before enrolment. */
  deviceToken(): Promise<string | null>;
  setDeviceToken(token: string): Promise<void>;
  clearDeviceToken(): Promise<void>;
  /**
   * The endpoint this PC enrolled with, or null: the desktop shell lets its pages reach that origin
   * alone from the next load on. Web mode's policy is fixed by the page, so it keeps nothing.
   */
  setEnrolledEndpoint(address: string | null): Promise<void>;
  /**
   * Sends ZPL to the network label printer at `address`; absent where the page cannot open a
   * socket (web mode), which then offers the ZPL as a download.
   */
  sendToLabelPrinter?(address: string, zpl: string): Promise<void>;
}

/** A platform call that failed, with a message for the person at the screen. */
export class PlatformFailure extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export const KEY_PROTECTION_LABEL: Record<KeyProtection, string> = {
  'os-secure-storage': "Key held by the operating system's secure storage",
  'per-install':
    'Web mode is for trying and training only. Its key is sealed in this browser profile, which is weaker than the desktop app: use the desktop app for real stock.',
};
