import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createAppProtocolHandler } from '../../electron/main/app-protocol';
import { createBridgeHandlers } from '../../electron/main/bridge-handlers';
import { argumentCheck } from '../../electron/main/ipc-arguments';
import type { SecretStore } from '../../electron/main/secret-store';
import type { SafeStorageApi } from '../../electron/main/secure-storage-status';
import { enrolledEndpointOrigin } from '../../electron/main/enrolled-endpoint';
import { loadEnrolledEndpoint } from '../../electron/main/enrolled-endpoint-file';

const dir = mkdtempSync(join(tmpdir(), 'stockroom-enrolled-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function connectSrc(policy: string | null): string[] {
  const part = (policy ?? '').split(';').find((p) => p.trim().startsWith('connect-src'));
  return part!.trim().split(/\s+/).slice(1);
}

describe('enrolledEndpointOrigin: what the main process accepts as the enrolled endpoint', () => {
  it('keeps only the origin of an https address', () => {
    expect(enrolledEndpointOrigin('https://sync.hospital.example:8443/api/')).toEqual({
      ok: true,
      origin: 'https://sync.hospital.example:8443',
    });
  });

  it('accepts plain http on this machine only', () => {
    expect(enrolledEndpointOrigin('http://127.0.0.1:8787')).toEqual({
      ok: true,
      origin: 'http://127.0.0.1:8787',
    });
    const refused = enrolledEndpointOrigin('http://sync.hospital.example');
    expect(refused).toEqual({
      ok: false,
      reason: 'the endpoint address must be https (plain http only to 127.0.0.1 or localhost)',
    });
  });

  it('refuses what is not an address, carries credentials, or is another scheme', () => {
    for (const bad of [
      42,
      '',
      'not a url',
      'https://user:pw@sync.example',
      'file:///etc/passwd',
      'x'.repeat(3000),
    ]) {
      expect(enrolledEndpointOrigin(bad).ok, String(bad).slice(0, 40)).toBe(false);
    }
  });
});

describe('the CSP of app:// pages names the enrolled endpoint alone', () => {
  const bundleRoot = join(dir, 'bundle');
  const readFile = () => Promise.resolve(new TextEncoder().encode('<!doctype html>'));

  it('before enrolment: itself, https/wss and this machine, never plain http off it', async () => {
    const handler = createAppProtocolHandler({ bundleRoot, readFile, enrolledOrigin: () => null });
    const response = await handler(new Request('app://bundle/index.html'));
    const connect = connectSrc(response.headers.get('Content-Security-Policy'));
    expect(connect).toContain('https:');
    expect(connect).not.toContain('http:');
  });

  it("once enrolled: itself and the endpoint's origin, nothing else, read on each response", async () => {
    let origin: string | null = 'https://sync.hospital.example';
    const handler = createAppProtocolHandler({
      bundleRoot,
      readFile,
      enrolledOrigin: () => origin,
    });
    const first = await handler(new Request('app://bundle/index.html'));
    expect(connectSrc(first.headers.get('Content-Security-Policy'))).toEqual([
      "'self'",
      'https://sync.hospital.example',
    ]);
    origin = 'https://other.hospital.example:8443';
    const second = await handler(new Request('app://bundle/index.html'));
    expect(connectSrc(second.headers.get('Content-Security-Policy'))).toEqual([
      "'self'",
      'https://other.hospital.example:8443',
    ]);
  });
});

describe('the main-process setting of the enrolled endpoint', () => {
  it('is not enrolled without a file, saves a checked origin and reads it back after a restart', async () => {
    const file = join(dir, 'enrolled-endpoint.json');
    const setting = await loadEnrolledEndpoint(file);
    expect(setting.origin()).toBeNull();
    expect(await setting.set('https://sync.hospital.example/v1')).toEqual({
      ok: true,
      origin: 'https://sync.hospital.example',
    });
    expect((await loadEnrolledEndpoint(file)).origin()).toBe('https://sync.hospital.example');
  });

  it('refuses a bad address and keeps what it had', async () => {
    const file = join(dir, 'kept.json');
    const setting = await loadEnrolledEndpoint(file);
    await setting.set('https://sync.hospital.example');
    expect((await setting.set('http://evil.example')).ok).toBe(false);
    expect(setting.origin()).toBe('https://sync.hospital.example');
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({
      address: 'https://sync.hospital.example',
    });
  });

  it('counts a damaged or tampered file as not enrolled', async () => {
    const damaged = join(dir, 'damaged.json');
    writeFileSync(damaged, '{"address": "http://evil.example"}');
    expect((await loadEnrolledEndpoint(damaged)).origin()).toBeNull();
    writeFileSync(damaged, 'not json');
    expect((await loadEnrolledEndpoint(damaged)).origin()).toBeNull();
  });
});

describe('the bridge call the renderer makes once it has enrolled', () => {
  const handlersWith = async (file: string) => {
    const enrolledEndpoint = await loadEnrolledEndpoint(file);
    const handlers = createBridgeHandlers({
      secrets: {} as SecretStore, // not reached by this method
      deviceId: async () => 'desk-1',
      safeStorage: {} as SafeStorageApi, // not reached by this method
      platform: 'linux',
      openExternal: async () => {},
      enrolledEndpoint,
      sendToLabelPrinter: async () => ({ ok: true, value: null }), // not reached by this method
    });
    return { handlers, enrolledEndpoint };
  };

  it('narrows the next page to the endpoint, and null widens it again for a new enrolment', async () => {
    const file = join(dir, 'bridge.json');
    const { handlers, enrolledEndpoint } = await handlersWith(file);
    expect(await handlers.setEnrolledEndpoint('https://sync.hospital.example/')).toEqual({
      ok: true,
      value: null,
    });
    expect(enrolledEndpoint.origin()).toBe('https://sync.hospital.example');
    expect((await loadEnrolledEndpoint(file)).origin()).toBe('https://sync.hospital.example');
    expect(await handlers.setEnrolledEndpoint(null)).toEqual({ ok: true, value: null });
    expect(enrolledEndpoint.origin()).toBeNull();
    expect((await loadEnrolledEndpoint(file)).origin()).toBeNull();
  });

  it('refuses plain http off this machine with a message, and keeps the policy it had', async () => {
    const { handlers, enrolledEndpoint } = await handlersWith(join(dir, 'bridge-bad.json'));
    await handlers.setEnrolledEndpoint('https://sync.hospital.example');
    const refused = await handlers.setEnrolledEndpoint('http://evil.example');
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.message).toContain('https');
    expect(enrolledEndpoint.origin()).toBe('https://sync.hospital.example');
  });

  it('takes one string or null, nothing else, at the IPC guard', () => {
    const check = argumentCheck('setEnrolledEndpoint');
    expect(check.check(['https://sync.hospital.example'])).toBe(true);
    expect(check.check([null])).toBe(true);
    for (const bad of [[], [42], ['a', 'b'], ['x'.repeat(3000)], [{}]]) {
      expect(check.check(bad), JSON.stringify(bad).slice(0, 40)).toBe(false);
    }
  });
});
