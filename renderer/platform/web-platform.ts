import { indexedDbVault, SealedSecrets } from './sealed-secrets';
import type { Platform } from './platform';
import { randomId } from './random-id';

const KEY_ITEM = 'stockroom.database-key';
const DEVICE_ITEM = 'stockroom.device-id';
const TOKEN_ITEM = 'stockroom.device-token';

/** Minimal key-value storage; `localStorage` in the browser, a Map in tests. */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem?(key: string): void;
}

function readOrCreate(storage: KeyValueStorage, key: string, make: () => string): string {
  const existing = storage.getItem(key);
  if (existing) return existing;
  const made = make();
  storage.setItem(key, made);
  return made;
}

/** Serialises first-run key creation across this origin's windows, where Web Locks exist. */
async function exclusively<T>(work: () => Promise<T>): Promise<T> {
  if (typeof navigator === 'undefined' || !navigator.locks) return work();
  return navigator.locks.request('stockroom-platform-secrets', work);
}

/**
 * Takes a secret from the profile's sealed store; one still in plain localStorage (an older
 * version) is sealed and removed from localStorage, so the same key keeps opening the database.
 */
async function sealedOrCreate(
  secrets: SealedSecrets,
  storage: KeyValueStorage,
  key: string,
  make: (() => string) | undefined,
): Promise<string | null> {
  return exclusively(async () => {
    const sealed = await secrets.read(key);
    if (sealed) return sealed;
    const legacy = storage.getItem(key);
    const value = legacy || make?.() || null;
    if (value) await secrets.write(key, value);
    if (legacy) {
      if (storage.removeItem) storage.removeItem(key);
      else storage.setItem(key, '');
    }
    return value;
  });
}

/**
 * Browser fallback, for trying and training: the database key and the device token are sealed by
 * a non-extractable WebCrypto key (`SealedSecrets`), never kept in plain localStorage. The device
 * id is not a secret and stays in localStorage.
 */
export function webPlatform(
  storage: KeyValueStorage,
  secrets: SealedSecrets = new SealedSecrets(indexedDbVault()),
): Platform {
  return {
    kind: 'web',
    keyProtection: 'per-install',
    databaseKey: async () =>
      (await sealedOrCreate(secrets, storage, KEY_ITEM, () => randomId('key', 32))) ?? '',
    deviceId: async () => readOrCreate(storage, DEVICE_ITEM, () => randomId('web', 8)),
    deviceToken: async () =>
      (await sealedOrCreate(secrets, storage, TOKEN_ITEM, undefined)) || null,
    setDeviceToken: async (token) => secrets.write(TOKEN_ITEM, token),
    clearDeviceToken: async () => secrets.remove(TOKEN_ITEM),
    setEnrolledEndpoint: async () => {},
  };
}
