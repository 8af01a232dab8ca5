import { describe, expect, it } from 'vitest';
import { choosePlatform } from '../../renderer/platform/choose-platform';
import { PlatformFailure } from '../../renderer/platform/platform';
import { SealedSecrets, type VaultStore } from '../../renderer/platform/sealed-secrets';
import type { DesktopBridge } from '../../shared/platform/desktop-bridge';

function memoryStorage() {
  const map = new Map<string, string>();
  return {
    getItem: (k: string) => map.get(k) ?? null,
    setItem: (k: string, v: string) => void map.set(k, v),
  };
}

function bridge(overrides: Partial<DesktopBridge> = {}): DesktopBridge {
  const refuse = async () => ({
    ok: false as const,
    error: { code: 'shell-failed' as const, message: 'no' },
  });
  return {
    version: 1,
    getDatabaseKey: async () => ({ ok: true, value: 'os-key-0123456789' }),
    getDeviceId: async () => ({ ok: true, value: 'desk-01' }),
    getDeviceToken: refuse,
    setDeviceToken: refuse,
    clearDeviceToken: refuse,
    getSecureStorageStatus: refuse,
    openExternal: refuse,
    setEnrolledEndpoint: refuse,
    sendToLabelPrinter: refuse,
    ...overrides,
  };
}

function memoryVault(): VaultStore & { map: Map<string, unknown> } {
  const map = new Map<string, unknown>();
  return {
    map,
    get: async (k) => map.get(k),
    put: async (k, v) => void map.set(k, v),
    delete: async (k) => void map.delete(k),
  };
}

describe('platform port', () => {
  it('web mode seals the key and token under a non-extractable key, and moves old plain ones out of localStorage', async () => {
    const storage = memoryStorage();
    storage.setItem('stockroom.database-key', 'key-from-an-older-version-0123456789');
    storage.setItem('stockroom.device-token', 'tok-old');
    const vault = memoryVault();
    const platform = choosePlatform(undefined, storage, new SealedSecrets(vault));
    expect(await platform.databaseKey()).toBe('key-from-an-older-version-0123456789');
    expect(await platform.deviceToken()).toBe('tok-old');
    expect(storage.getItem('stockroom.database-key')).toBeFalsy();
    expect(storage.getItem('stockroom.device-token')).toBeFalsy();
    await platform.setDeviceToken('tok-new');
    const wrapping = vault.map.get('wrapping-key') as CryptoKey;
    expect(wrapping.extractable).toBe(false);
    await expect(crypto.subtle.exportKey('raw', wrapping)).rejects.toThrow();
    expect(JSON.stringify([...vault.map.values()])).not.toContain('tok-new');
    const again = choosePlatform(undefined, storage, new SealedSecrets(vault));
    expect(await again.deviceToken()).toBe('tok-new');
    expect(await again.databaseKey()).toBe('key-from-an-older-version-0123456789');
    await again.clearDeviceToken();
    expect(await again.deviceToken()).toBeNull();
  });

  it('web mode keeps one per-install key and device id, and says it is the weaker option', async () => {
    const storage = memoryStorage();
    const vault = new SealedSecrets(memoryVault());
    const platform = choosePlatform(undefined, storage, vault);
    expect(platform.kind).toBe('web');
    expect(platform.keyProtection).toBe('per-install');
    const key = await platform.databaseKey();
    expect(key.length).toBeGreaterThanOrEqual(32);
    expect(await platform.databaseKey()).toBe(key);
    expect(await choosePlatform(undefined, storage, vault).databaseKey()).toBe(key);
    expect(
      await choosePlatform(
        undefined,
        memoryStorage(),
        new SealedSecrets(memoryVault()),
      ).databaseKey(),
    ).not.toBe(key);
    expect(await platform.deviceId()).toMatch(/^web-[0-9a-f]{16}$/);
  });

  it('uses the desktop bridge when the shell exposes one of our version', async () => {
    const platform = choosePlatform(bridge(), memoryStorage());
    expect(platform.kind).toBe('desktop');
    expect(platform.keyProtection).toBe('os-secure-storage');
    expect(await platform.databaseKey()).toBe('os-key-0123456789');
    expect(await platform.deviceId()).toBe('desk-01');
  });

  it('ignores a bridge of another version or shape', () => {
    expect(choosePlatform({ ...bridge(), version: 2 }, memoryStorage()).kind).toBe('web');
    expect(choosePlatform({ version: 1 }, memoryStorage()).kind).toBe('web');
  });

  it('turns a refused bridge call into a failure with the shell’s code and message', async () => {
    const platform = choosePlatform(
      bridge({
        getDatabaseKey: async () => ({
          ok: false,
          error: { code: 'secure-storage-unavailable', message: 'Set up the keyring.' },
        }),
      }),
      memoryStorage(),
    );
    const failure = await platform.databaseKey().catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(PlatformFailure);
    expect(failure).toMatchObject({
      code: 'secure-storage-unavailable',
      message: 'Set up the keyring.',
    });
  });
});
