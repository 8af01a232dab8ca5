/**
 * Web mode's secrets (the database key, the device token) sealed with AES-GCM under a key that
 * WebCrypto made non-extractable. That key lives in IndexedDB as a CryptoKey object: the browser
 * structured-clones it without ever exposing its bytes to script, so a copy of localStorage, or a
 * script that reads the sealed values, gets ciphertext only. It is still weaker than the desktop
 * app: whoever can run script in this origin can ask the browser to decrypt.
 */
export interface VaultStore {
  get(name: string): Promise<unknown>;
  put(name: string, value: unknown): Promise<void>;
  delete(name: string): Promise<void>;
}

interface Sealed {
  iv: Uint8Array<ArrayBuffer>;
  data: ArrayBuffer;
}

const WRAPPING_KEY = 'wrapping-key';
const STORE = 'secrets';

function request<T>(make: () => IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    const req = make();
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
  });
}

/** One object store in its own IndexedDB database, apart from RxDB's. */
export function indexedDbVault(name = 'stockroom-platform'): VaultStore {
  let opened: Promise<IDBDatabase> | undefined;
  const open = () =>
    (opened ??= new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open(name, 1);
      req.onupgradeneeded = () => req.result.createObjectStore(STORE);
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error ?? new Error('IndexedDB open failed'));
    }));
  const objects = async (mode: IDBTransactionMode) =>
    (await open()).transaction(STORE, mode).objectStore(STORE);
  return {
    get: async (key) => {
      const store = await objects('readonly');
      return request(() => store.get(key));
    },
    put: async (key, value) => {
      const store = await objects('readwrite');
      await request(() => store.put(value, key));
    },
    delete: async (key) => {
      const store = await objects('readwrite');
      await request(() => store.delete(key));
    },
  };
}

function isSealed(value: unknown): value is Sealed {
  const v = value as Partial<Sealed> | undefined;
  return v?.iv instanceof Uint8Array && v.data instanceof ArrayBuffer;
}

export class SealedSecrets {
  constructor(private readonly vault: VaultStore) {}

  private async wrappingKey(): Promise<CryptoKey> {
    const existing = await this.vault.get(WRAPPING_KEY);
    if (existing instanceof CryptoKey) return existing;
    const key = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, [
      'encrypt',
      'decrypt',
    ]);
    await this.vault.put(WRAPPING_KEY, key);
    return key;
  }

  async read(name: string): Promise<string | null> {
    const sealed = await this.vault.get(name);
    if (!isSealed(sealed)) return null;
    const plain = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: sealed.iv },
      await this.wrappingKey(),
      sealed.data,
    );
    return new TextDecoder().decode(plain);
  }

  async write(name: string, value: string): Promise<void> {
    const iv = new Uint8Array(12);
    crypto.getRandomValues(iv);
    const data = await crypto.subtle.encrypt(
      { name: 'AES-GCM', iv },
      await this.wrappingKey(),
      new TextEncoder().encode(value),
    );
    await this.vault.put(name, { iv, data } satisfies Sealed);
  }

  async remove(name: string): Promise<void> {
    await this.vault.delete(name);
  }
}
