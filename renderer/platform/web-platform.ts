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

/**
 * Browser fallback: a per-install key in this profile's storage. It keeps casual eyes off the
 * personal fields in IndexedDB but not someone who copies the profile, which the UI says.
 */
export function webPlatform(storage: KeyValueStorage): Platform {
  return {
    kind: 'web',
    keyProtection: 'per-install',
    databaseKey: async () => readOrCreate(storage, KEY_ITEM, () => randomId('key', 32)),
    deviceId: async () => readOrCreate(storage, DEVICE_ITEM, () => randomId('web', 8)),
    // Like the key: kept in this profile, which the sync settings label as the weaker option.
    deviceToken: async () => storage.getItem(TOKEN_ITEM) || null,
    setDeviceToken: async (token) => storage.setItem(TOKEN_ITEM, token),
    clearDeviceToken: async () => {
      if (storage.removeItem) storage.removeItem(TOKEN_ITEM);
      else storage.setItem(TOKEN_ITEM, '');
    },
  };
}
