import type {
  DesktopError,
  SecureStorageBackend,
  SecureStorageStatus,
} from '../../shared/platform/desktop-bridge';

/** The part of Electron's safeStorage the shell uses: only the async API (Electron 45). */
export interface SafeStorageApi {
  isAsyncEncryptionAvailable(): Promise<boolean>;
  encryptStringAsync(plainText: string): Promise<Buffer>;
  decryptStringAsync(encrypted: Buffer): Promise<{ result: string; shouldReEncrypt: boolean }>;
  /** Linux only. */
  getSelectedStorageBackend(): string;
}

const LINUX_BACKENDS: readonly SecureStorageBackend[] = [
  'basic_text',
  'gnome_libsecret',
  'kwallet',
  'kwallet5',
  'kwallet6',
];

export const BASIC_TEXT_UNAVAILABLE: DesktopError = {
  code: 'secure-storage-unavailable',
  message:
    'This computer has no password store the app can use (such as GNOME Keyring or KWallet). ' +
    'Without one, secrets would be protected by a password built into the software that anyone ' +
    'can read, so Stockroom Edge will not store the device enrolment or the key of the local ' +
    'stock database on this PC. Ask IT to set up a keyring for this user account, then restart ' +
    'the app.',
};

export const OS_STORE_UNAVAILABLE: DesktopError = {
  code: 'secure-storage-unavailable',
  message:
    "The operating system's secure storage is not available to Stockroom Edge, so it cannot " +
    'keep the device enrolment or the key of the local stock database safe. Sign in to this PC ' +
    'with your own user account (its keychain or credential store must be unlocked) and restart ' +
    'the app; if this message stays, tell IT.',
};

/**
 * Whether secrets can be kept. On Linux, Chromium silently falls back to `basic_text`, a
 * hard-coded password: encryption "works" but protects nothing, so it counts as unavailable.
 * An unrecognised backend name is treated the same way: when unsure, store nothing.
 */
export async function secureStorageStatus(
  safeStorage: SafeStorageApi,
  platform: NodeJS.Platform,
): Promise<SecureStorageStatus> {
  let available: boolean;
  try {
    available = await safeStorage.isAsyncEncryptionAvailable();
  } catch {
    available = false;
  }
  if (platform !== 'linux') {
    return available
      ? { available: true, backend: 'os' }
      : { available: false, backend: 'os', error: OS_STORE_UNAVAILABLE };
  }
  const reported = safeStorage.getSelectedStorageBackend();
  const backend = (LINUX_BACKENDS as readonly string[]).includes(reported)
    ? (reported as SecureStorageBackend)
    : 'unknown';
  if (backend === 'basic_text') {
    return { available: false, backend, error: BASIC_TEXT_UNAVAILABLE };
  }
  if (!available || backend === 'unknown') {
    return { available: false, backend, error: OS_STORE_UNAVAILABLE };
  }
  return { available: true, backend };
}
