import { describe, expect, it } from 'vitest';
import { choosePlatform } from '../../renderer/platform/choose-platform';
import { PlatformFailure } from '../../renderer/platform/platform';
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
    ...overrides,
  };
}

describe('platform port', () => {
  it('web mode keeps one per-install key and device id, and says it is the weaker option', async () => {
    const storage = memoryStorage();
    const platform = choosePlatform(undefined, storage);
    expect(platform.kind).toBe('web');
    expect(platform.keyProtection).toBe('per-install');
    const key = await platform.databaseKey();
    expect(key.length).toBeGreaterThanOrEqual(32);
    expect(await platform.databaseKey()).toBe(key);
    expect(await choosePlatform(undefined, storage).databaseKey()).toBe(key);
    expect(await choosePlatform(undefined, memoryStorage()).databaseKey()).not.toBe(key);
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
