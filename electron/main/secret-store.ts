import type { BridgeResult, DesktopError } from '../../shared/platform/desktop-bridge';
import type { PrivateFile } from './private-file';
import {
  OS_STORE_UNAVAILABLE,
  secureStorageStatus,
  type SafeStorageApi,
} from './secure-storage-status';

/**
 * The device token and the local database key, encrypted by the OS key store (safeStorage, async
 * API) and kept as base64 in one private file. Plain text never touches the disk: when the key
 * store is unavailable, nothing is stored and the caller gets the message to show.
 */

export type SecretName = 'device-token' | 'database-key';
const SECRET_NAMES: readonly SecretName[] = ['device-token', 'database-key'];

interface SecretFileContent {
  version: 1;
  secrets: Partial<Record<SecretName, string>>;
}

const FILE_FAILED: DesktopError = {
  code: 'secret-store-failed',
  message:
    "Stockroom Edge could not read or write its protected settings file. Check that the disk is not full and that the app's folder is writable, then restart the app; if it keeps failing, tell IT.",
};

const UNREADABLE: Record<SecretName, DesktopError> = {
  'device-token': {
    code: 'secret-unreadable',
    message:
      "This PC's enrolment can no longer be read (the operating system's key store was reset or the user profile was copied from another PC). Enrol this device again with a new one-time code from the central office.",
  },
  'database-key': {
    code: 'secret-unreadable',
    message:
      "The key of this PC's local stock database can no longer be read (the operating system's key store was reset or the user profile was copied from another PC). Do not delete anything: tell IT, who can reset the local copy; everything already synced comes back from the central endpoint.",
  },
};

function isSecretFile(value: unknown): value is SecretFileContent {
  if (typeof value !== 'object' || value === null) return false;
  const { version, secrets } = value as { version?: unknown; secrets?: unknown };
  if (version !== 1 || typeof secrets !== 'object' || secrets === null) return false;
  return Object.entries(secrets).every(
    ([name, data]) =>
      (SECRET_NAMES as readonly string[]).includes(name) &&
      typeof data === 'string' &&
      /^[A-Za-z0-9+/]+={0,2}$/.test(data),
  );
}

export interface SecretStoreDeps {
  safeStorage: SafeStorageApi;
  platform: NodeJS.Platform;
  file: PrivateFile;
  /** A fresh random database key; a parameter so tests can tell keys apart. */
  newDatabaseKey(): string;
}

export interface SecretStore {
  get(name: SecretName): Promise<BridgeResult<string | null>>;
  set(name: SecretName, value: string): Promise<BridgeResult<null>>;
  remove(name: SecretName): Promise<BridgeResult<null>>;
  /** The database key, made and stored on first use; the same key on every later call. */
  databaseKey(): Promise<BridgeResult<string>>;
}

const fail = (error: DesktopError) => ({ ok: false as const, error });

export function createSecretStore(deps: SecretStoreDeps): SecretStore {
  // One operation at a time: two first calls to databaseKey() must not make two keys.
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(work: () => Promise<T>): Promise<T> => {
    const run = queue.then(work, work);
    queue = run.catch(() => undefined);
    return run;
  };

  async function load(): Promise<BridgeResult<SecretFileContent>> {
    const status = await secureStorageStatus(deps.safeStorage, deps.platform);
    if (!status.available) return fail(status.error);
    let text: string | null;
    try {
      text = await deps.file.read();
    } catch {
      return fail(FILE_FAILED);
    }
    if (text === null) return { ok: true, value: { version: 1, secrets: {} } };
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      return fail(FILE_FAILED);
    }
    // A damaged file is never overwritten: it may hold the only copy of the database key.
    return isSecretFile(parsed) ? { ok: true, value: parsed } : fail(FILE_FAILED);
  }

  async function save(content: SecretFileContent): Promise<BridgeResult<null>> {
    try {
      await deps.file.write(`${JSON.stringify(content, null, 2)}\n`);
      return { ok: true, value: null };
    } catch {
      return fail(FILE_FAILED);
    }
  }

  async function encrypt(value: string): Promise<string> {
    return (await deps.safeStorage.encryptStringAsync(value)).toString('base64');
  }

  async function read(name: SecretName): Promise<BridgeResult<string | null>> {
    const loaded = await load();
    if (!loaded.ok) return loaded;
    const stored = loaded.value.secrets[name];
    if (stored === undefined) return { ok: true, value: null };
    let decrypted: { result: string; shouldReEncrypt: boolean };
    try {
      decrypted = await deps.safeStorage.decryptStringAsync(Buffer.from(stored, 'base64'));
    } catch {
      return fail(UNREADABLE[name]);
    }
    if (decrypted.shouldReEncrypt) {
      // The OS rotated its key: store the secret again under the new one. Best effort; the old
      // ciphertext still decrypts if this write fails.
      try {
        const secrets = { ...loaded.value.secrets, [name]: await encrypt(decrypted.result) };
        await save({ version: 1, secrets });
      } catch {
        /* kept under the old key */
      }
    }
    return { ok: true, value: decrypted.result };
  }

  async function write(name: SecretName, value: string | null): Promise<BridgeResult<null>> {
    const loaded = await load();
    if (!loaded.ok) return loaded;
    const secrets = Object.fromEntries(
      Object.entries(loaded.value.secrets).filter(([stored]) => stored !== name),
    );
    if (value !== null) {
      try {
        secrets[name] = await encrypt(value);
      } catch {
        return fail(OS_STORE_UNAVAILABLE);
      }
    }
    return save({ version: 1, secrets });
  }

  return {
    get: (name) => serial(() => read(name)),
    set: (name, value) => serial(() => write(name, value)),
    remove: (name) => serial(() => write(name, null)),
    databaseKey: () =>
      serial(async () => {
        const existing = await read('database-key');
        if (!existing.ok) return existing;
        if (existing.value !== null) return { ok: true, value: existing.value };
        const key = deps.newDatabaseKey();
        const saved = await write('database-key', key);
        return saved.ok ? { ok: true, value: key } : saved;
      }),
  };
}
