import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

/**
 * A stand-in for Electron's safeStorage that really encrypts (AES-GCM under a key the "OS" holds),
 * so a test can see that nothing readable reaches the disk, and can rotate or lose the key.
 */
const os = vi.hoisted(() => ({
  key: Buffer.alloc(32, 7),
  backend: 'gnome_libsecret',
  available: true,
  rotated: false,
  syncCalls: 0,
}));

vi.mock('electron', () => {
  const encrypt = async (plain: string) => {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', os.key, iv);
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return Buffer.concat([iv, cipher.getAuthTag(), body]);
  };
  const decrypt = async (data: Buffer) => {
    const decipher = createDecipheriv('aes-256-gcm', os.key, data.subarray(0, 12));
    decipher.setAuthTag(data.subarray(12, 28));
    const result = Buffer.concat([decipher.update(data.subarray(28)), decipher.final()]);
    return { result: result.toString('utf8'), shouldReEncrypt: os.rotated };
  };
  const sync = () => {
    os.syncCalls += 1;
    throw new Error('the deprecated synchronous API must not be used');
  };
  return {
    safeStorage: {
      isAsyncEncryptionAvailable: async () => os.available,
      encryptStringAsync: encrypt,
      decryptStringAsync: decrypt,
      getSelectedStorageBackend: () => os.backend,
      isEncryptionAvailable: sync,
      encryptString: sync,
      decryptString: sync,
    },
    shell: { openExternal: vi.fn(async () => undefined) },
  };
});

const { shell } = await import('electron');
const { createShellServices } = await import('../../electron/main/shell-services');
const { loadEnrolledEndpoint } = await import('../../electron/main/enrolled-endpoint-file');
const enrolledIn = (folder: string) =>
  loadEnrolledEndpoint(path.join(folder, 'enrolled-endpoint.json'));

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'stockroom-secrets-'));
  Object.assign(os, {
    key: Buffer.alloc(32, 7),
    backend: 'gnome_libsecret',
    available: true,
    rotated: false,
  });
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
  expect(os.syncCalls).toBe(0);
});

const secretsFile = () => path.join(dir, 'secrets.json');

describe('secrets held with safeStorage (async API)', () => {
  it('makes the database key once and returns the same key after a restart', async () => {
    const first = await createShellServices(dir, await enrolledIn(dir), 'linux').getDatabaseKey();
    expect(first).toMatchObject({ ok: true });
    const key = (first as { value: string }).value;
    expect(key).toMatch(/^key-[0-9a-f]{64}$/);
    const restarted = createShellServices(dir, await enrolledIn(dir), 'linux');
    expect(await restarted.getDatabaseKey()).toEqual({ ok: true, value: key });
  });

  it('makes one key even when the page asks twice at once', async () => {
    const services = createShellServices(dir, await enrolledIn(dir), 'linux');
    const [a, b, c] = await Promise.all([
      services.getDatabaseKey(),
      services.getDatabaseKey(),
      services.getDatabaseKey(),
    ]);
    expect(a).toEqual(b);
    expect(b).toEqual(c);
  });

  it('keeps the device token, clears it, and writes only ciphertext to disk', async () => {
    const services = createShellServices(dir, await enrolledIn(dir), 'darwin');
    expect(await services.getDeviceToken()).toEqual({ ok: true, value: null });
    expect(await services.setDeviceToken('dtk_facility-7.abcdef')).toEqual({
      ok: true,
      value: null,
    });
    const key = await services.getDatabaseKey();
    expect(await services.getDeviceToken()).toEqual({ ok: true, value: 'dtk_facility-7.abcdef' });
    const onDisk = readFileSync(secretsFile(), 'utf8');
    expect(onDisk).not.toContain('dtk_facility-7');
    expect(onDisk).not.toContain((key as { value: string }).value);
    expect(await services.clearDeviceToken()).toEqual({ ok: true, value: null });
    expect(await services.getDeviceToken()).toEqual({ ok: true, value: null });
    // Clearing the token leaves the database key alone.
    expect(await services.getDatabaseKey()).toEqual(key);
  });

  it('re-encrypts a secret when the OS says its key was rotated', async () => {
    const services = createShellServices(dir, await enrolledIn(dir), 'win32');
    await services.setDeviceToken('token-1');
    const before = readFileSync(secretsFile(), 'utf8');
    os.rotated = true;
    expect(await services.getDeviceToken()).toEqual({ ok: true, value: 'token-1' });
    expect(readFileSync(secretsFile(), 'utf8')).not.toBe(before);
  });
});

describe('when the OS key store cannot be trusted', () => {
  it('treats Linux basic_text as unavailable and says what that means', async () => {
    os.backend = 'basic_text';
    const services = createShellServices(dir, await enrolledIn(dir), 'linux');
    const status = await services.getSecureStorageStatus();
    expect(status).toMatchObject({
      ok: true,
      value: {
        available: false,
        backend: 'basic_text',
        error: { code: 'secure-storage-unavailable' },
      },
    });
    const message = (status as { value: { error: { message: string } } }).value.error.message;
    expect(message).toMatch(/password store/);
    expect(message).toMatch(/anyone\s+can read/);
    expect(message).toMatch(/IT/);
    const key = await services.getDatabaseKey();
    expect(key).toMatchObject({
      ok: false,
      error: { code: 'secure-storage-unavailable', message },
    });
    expect(await services.setDeviceToken('token')).toMatchObject({ ok: false });
    // Nothing at all was written in plain text, or otherwise.
    expect(() => readFileSync(secretsFile())).toThrow();
  });

  it.each(['unknown', 'some_future_backend'])(
    'treats the Linux backend %s as unavailable',
    async (backend) => {
      os.backend = backend;
      const status = await createShellServices(
        dir,
        await enrolledIn(dir),
        'linux',
      ).getSecureStorageStatus();
      expect(status).toMatchObject({ ok: true, value: { available: false, backend: 'unknown' } });
    },
  );

  it('reports a kwallet or libsecret backend as available', async () => {
    for (const backend of ['kwallet6', 'gnome_libsecret']) {
      os.backend = backend;
      const status = await createShellServices(
        dir,
        await enrolledIn(dir),
        'linux',
      ).getSecureStorageStatus();
      expect(status).toEqual({ ok: true, value: { available: true, backend } });
    }
  });

  it('ignores the Linux backend name on macOS and Windows', async () => {
    os.backend = 'basic_text';
    expect(
      await createShellServices(dir, await enrolledIn(dir), 'darwin').getSecureStorageStatus(),
    ).toEqual({
      ok: true,
      value: { available: true, backend: 'os' },
    });
    os.available = false;
    expect(
      await createShellServices(dir, await enrolledIn(dir), 'win32').getDatabaseKey(),
    ).toMatchObject({
      ok: false,
      error: { code: 'secure-storage-unavailable' },
    });
  });

  it('says the key is unreadable when the OS key changed, and never replaces it', async () => {
    const services = createShellServices(dir, await enrolledIn(dir), 'linux');
    await services.getDatabaseKey();
    const before = readFileSync(secretsFile(), 'utf8');
    os.key = Buffer.alloc(32, 9);
    const result = await createShellServices(dir, await enrolledIn(dir), 'linux').getDatabaseKey();
    expect(result).toMatchObject({ ok: false, error: { code: 'secret-unreadable' } });
    expect((result as { error: { message: string } }).error.message).toMatch(/Do not delete/);
    expect(readFileSync(secretsFile(), 'utf8')).toBe(before);
  });

  it.each([
    ['not JSON', '{"version":1,"secrets":'],
    ['a wrong version', '{"version":2,"secrets":{}}'],
    ['an unknown secret', '{"version":1,"secrets":{"admin":"AAAA"}}'],
    ['a non-base64 value', '{"version":1,"secrets":{"database-key":"plain key!"}}'],
    ['an array', '[]'],
  ])('refuses a damaged secrets file (%s) and leaves it as it was', async (_why, content) => {
    writeFileSync(secretsFile(), content);
    const services = createShellServices(dir, await enrolledIn(dir), 'linux');
    expect(await services.getDatabaseKey()).toMatchObject({
      ok: false,
      error: { code: 'secret-store-failed' },
    });
    expect(await services.setDeviceToken('token')).toMatchObject({ ok: false });
    expect(readFileSync(secretsFile(), 'utf8')).toBe(content);
  });
});

describe('device id and external links', () => {
  it('keeps one device id across restarts', async () => {
    const first = await createShellServices(dir, await enrolledIn(dir), 'linux').getDeviceId();
    expect(first).toMatchObject({ ok: true, value: expect.stringMatching(/^desk-[0-9a-f]{24}$/) });
    expect(await createShellServices(dir, await enrolledIn(dir), 'linux').getDeviceId()).toEqual(
      first,
    );
  });

  it('has a device id even without a key store (it is not a secret)', async () => {
    os.backend = 'basic_text';
    expect(
      await createShellServices(dir, await enrolledIn(dir), 'linux').getDeviceId(),
    ).toMatchObject({ ok: true });
  });

  it('refuses to replace a damaged device id file', async () => {
    writeFileSync(path.join(dir, 'device.json'), '{"deviceId":"../../etc"}');
    await expect(
      createShellServices(dir, await enrolledIn(dir), 'linux').getDeviceId(),
    ).rejects.toThrow(/damaged/);
  });

  it('opens only allow-listed links through shell.openExternal', async () => {
    const services = createShellServices(dir, await enrolledIn(dir), 'linux');
    expect(await services.openExternal('https://www.fda.gov/recalls')).toEqual({
      ok: true,
      value: null,
    });
    expect(await services.openExternal('file:///etc/passwd')).toMatchObject({
      ok: false,
      error: { code: 'link-not-allowed' },
    });
    expect(await services.openExternal('https://evil.example/')).toMatchObject({ ok: false });
    expect(vi.mocked(shell.openExternal).mock.calls.map((c) => c[0])).toEqual([
      'https://www.fda.gov/recalls',
    ]);
  });
});
