import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminTokenAuthenticator } from '../../sync/auth/admin-auth';
import type { SyncApp } from '../../sync/context';
import type { SyncDatabase } from '../../sync/db/connect';
import { buildServer } from '../../sync/server';
import { openTestDatabase, testSchema } from './sync-helpers/server';

/** Issue 12 point 5: API keys listed without secrets, revoked, rotated and given an expiry. */
const ADMIN = 'adm_test-credential-of-enough-length';
let database: SyncDatabase;
let app: SyncApp;
let url: string;

beforeAll(async () => {
  database = await openTestDatabase('pglite', testSchema('admin_keys'));
  ({ app } = await buildServer({ database, adminAuth: adminTokenAuthenticator([ADMIN]) }));
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
}, 60_000);
afterAll(async () => {
  await app.close();
  await database.close();
});

async function call(method: string, path: string, token: string, body?: unknown) {
  const response = await fetch(`${url}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: response.status, body: (await response.json()) as Record<string, any> }; // eslint-disable-line @typescript-eslint/no-explicit-any -- test reads JSON answers loosely
}

const readEvents = (key: string) => call('GET', '/v1/erp/events?limit=1', key);

describe('the admin API', () => {
  it('refuses a caller without the admin credential before reading the body', async () => {
    const refused = await call('POST', '/v1/admin/api-keys', 'sk_not-admin', { bogus: 1 });
    expect(refused.status).toBe(401);
    expect(refused.body['code']).toBe('ADMIN_CREDENTIAL_UNKNOWN');
  });

  it('a scope listed twice is a 400 naming it, and no key is made', async () => {
    const before = await call('GET', '/v1/admin/api-keys', ADMIN);
    const refused = await call('POST', '/v1/admin/api-keys', ADMIN, {
      name: 'erp-twice',
      scopes: ['events:read', 'recalls:write', 'events:read'],
    });
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({
      code: 'SCOPE_REPEATED',
      message: 'Scope events:read is listed more than once; list each scope once.',
    });
    const after = await call('GET', '/v1/admin/api-keys', ADMIN);
    expect(after.body['apiKeys']).toHaveLength(before.body['apiKeys'].length);
  });

  it('creates a key shown once, lists keys without secrets, and revokes one', async () => {
    const created = await call('POST', '/v1/admin/api-keys', ADMIN, {
      name: 'erp-main',
      scopes: ['events:read'],
    });
    expect(created.status).toBe(201);
    const { id, key } = created.body['apiKey'];
    expect((await readEvents(key)).status).toBe(200);

    const listed = await call('GET', '/v1/admin/api-keys', ADMIN);
    const row = listed.body['apiKeys'].find((k: { id: string }) => k.id === id);
    expect(row).toMatchObject({ name: 'erp-main', state: 'active', scopes: ['events:read'] });
    expect(JSON.stringify(listed.body)).not.toContain(key);
    expect(Object.keys(row)).not.toContain('key');

    expect((await call('POST', `/v1/admin/api-keys/${id}/revoke`, ADMIN)).status).toBe(200);
    const refused = await readEvents(key);
    expect(refused.status).toBe(401);
    expect(refused.body['code']).toBe('API_KEY_REVOKED');
    expect(refused.body['message']).toMatch(/revoked on .*ask the centre for a new key/);
    const again = await call('GET', '/v1/admin/api-keys', ADMIN);
    expect(again.body['apiKeys'].find((k: { id: string }) => k.id === id).state).toBe('revoked');
  });

  it('a name an unrevoked key already has is a 409 naming it; a revoked key frees its name', async () => {
    // Console walk-through: four keys called "erp-main" left the admin guessing which to rotate.
    const first = await call('POST', '/v1/admin/api-keys', ADMIN, {
      name: 'erp-billing',
      scopes: ['events:read'],
    });
    expect(first.status).toBe(201);
    const before = await call('GET', '/v1/admin/api-keys', ADMIN);
    const twin = await call('POST', '/v1/admin/api-keys', ADMIN, {
      name: ' ERP-Billing ',
      scopes: ['recalls:write'],
    });
    expect(twin.status).toBe(409);
    expect(twin.body).toMatchObject({
      code: 'API_KEY_NAME_TAKEN',
      message:
        'An API key is already called "erp-billing" (active): give the new key a name of its own, or rotate that key for a new secret.',
    });
    const after = await call('GET', '/v1/admin/api-keys', ADMIN);
    expect(after.body['apiKeys']).toHaveLength(before.body['apiKeys'].length);

    const { id } = first.body['apiKey'];
    expect((await call('POST', `/v1/admin/api-keys/${id}/revoke`, ADMIN)).status).toBe(200);
    const reused = await call('POST', '/v1/admin/api-keys', ADMIN, {
      name: 'erp-billing',
      scopes: ['events:read'],
    });
    expect(reused.status).toBe(201);
  });

  it('rotates a key: the old secret stops at once, the new one works', async () => {
    const created = await call('POST', '/v1/admin/api-keys', ADMIN, {
      name: 'erp-rotated',
      scopes: ['events:read'],
    });
    const { id, key: oldKey } = created.body['apiKey'];
    const rotated = await call('POST', `/v1/admin/api-keys/${id}/rotate`, ADMIN, {});
    expect(rotated.status).toBe(200);
    const newKey = rotated.body['apiKey'].key as string;
    expect(newKey).not.toBe(oldKey);
    expect((await readEvents(oldKey)).body['code']).toBe('API_KEY_UNKNOWN');
    expect((await readEvents(newKey)).status).toBe(200);
  });

  it('an expired key gets 401 saying it expired; a future expiry is kept', async () => {
    const soon = new Date(Date.now() + 1_500).toISOString();
    const created = await call('POST', '/v1/admin/api-keys', ADMIN, {
      name: 'erp-expiring',
      scopes: ['events:read'],
      expiresAt: soon,
    });
    expect(created.body['apiKey'].expiresAt).toBe(soon);
    const { id, key } = created.body['apiKey'];
    expect((await readEvents(key)).status).toBe(200);
    await new Promise((r) => setTimeout(r, 1_700));
    const expired = await readEvents(key);
    expect(expired.status).toBe(401);
    expect(expired.body['code']).toBe('API_KEY_EXPIRED');
    const listed = await call('GET', '/v1/admin/api-keys', ADMIN);
    expect(listed.body['apiKeys'].find((k: { id: string }) => k.id === id).state).toBe('expired');

    const later = new Date(Date.now() + 86_400_000).toISOString();
    expect(
      (await call('PUT', `/v1/admin/api-keys/${id}/expiry`, ADMIN, { expiresAt: later })).status,
    ).toBe(200);
    expect((await readEvents(key)).status).toBe(200);
    const past = await call('PUT', `/v1/admin/api-keys/${id}/expiry`, ADMIN, {
      expiresAt: '2020-01-01T00:00:00Z',
    });
    expect(past.status).toBe(400);
    expect(past.body['code']).toBe('EXPIRY_INVALID');
    // What was sent, in the sender's words, and what to send instead.
    expect(past.body['message']).toMatch(
      /^Nothing was changed: the expiry 2020-01-01T00:00:00Z is not after now \(\d{4}-.+Z\), so the key would stop at once\. Give a later time, or no expiry/,
    );
    const now = new Date().toISOString();
    const refused = await call('POST', '/v1/admin/api-keys', ADMIN, {
      name: 'erp-born-expired',
      scopes: ['events:read'],
      expiresAt: now,
    });
    expect(refused.status).toBe(400);
    expect(refused.body['message']).toContain(`the expiry ${now} is not after now`);
    const names = (await call('GET', '/v1/admin/api-keys', ADMIN)).body['apiKeys'].map(
      (k: { name: string }) => k.name,
    );
    expect(names).not.toContain('erp-born-expired');
  });

  it('is in the OpenAPI document', async () => {
    const doc = await (await fetch(`${url}/v1/openapi.json`)).json();
    const paths = Object.keys((doc as { paths: object }).paths);
    for (const p of [
      '/v1/admin/facilities',
      '/v1/admin/enrollment-codes',
      '/v1/admin/devices',
      '/v1/admin/devices/{id}/revoke',
      '/v1/admin/api-keys',
      '/v1/admin/api-keys/{id}/rotate',
      '/v1/admin/api-keys/{id}/revoke',
      '/v1/admin/api-keys/{id}/expiry',
    ]) {
      expect(paths).toContain(p);
    }
  });
});
