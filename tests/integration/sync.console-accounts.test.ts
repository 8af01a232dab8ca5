import { describe, expect, it } from 'vitest';
import { CONSOLE_SESSION_COOKIE } from '../../shared/console';
import { ConsoleClient } from './console-helpers/console-client';
import { describeOnBackends } from './sync-helpers/backends';
import { uniqueId } from './sync-helpers/devices';
import type { TestServer } from './sync-helpers/server';

/** Issue 14, central accounts: sessions, CSRF, lockout, audit, and each role's reach. */
async function person(
  server: TestServer,
  role: string,
): Promise<{ username: string; password: string }> {
  const username = uniqueId(role).toLowerCase();
  const made = (await server.admin(
    'console-user',
    'add',
    '--username',
    username,
    '--role',
    role,
  )) as {
    password: string;
  };
  return { username, password: made.password };
}

async function signedIn(server: TestServer, role: string): Promise<ConsoleClient> {
  const { username, password } = await person(server, role);
  const client = new ConsoleClient(server.url);
  expect((await client.signIn(username, password)).status).toBe(200);
  return client;
}

async function auditOf(server: TestServer, actorId: string) {
  return server.database.db
    .selectFrom('audit_log')
    .selectAll()
    .where('actor_id', '=', actorId)
    .orderBy('id')
    .execute();
}

describeOnBackends('console accounts', 'console_accounts', (server) => {
  describe('sign-in', () => {
    it('sets a Secure, HttpOnly, SameSite=Strict __Host- cookie and answers the CSRF token', async () => {
      const { username, password } = await person(server(), 'admin');
      const client = new ConsoleClient(server().url);
      const answer = await client.signIn(username, password);
      expect(answer.status).toBe(200);
      expect(answer.body.user).toMatchObject({ username, role: 'admin' });
      const cookie = answer.setCookie.find((c) => c.startsWith(`${CONSOLE_SESSION_COOKIE}=`));
      expect(cookie).toBeDefined();
      expect(cookie).toMatch(/; Path=\/(;|$)/);
      expect(cookie).toMatch(/; Secure(;|$)/);
      expect(cookie).toMatch(/; HttpOnly(;|$)/);
      expect(cookie).toMatch(/; SameSite=Strict(;|$)/);
      expect(cookie).not.toMatch(/Domain=/i);
      const session = await client.request('GET', '/v1/console/session');
      expect(session.status).toBe(200);
      expect(session.body.csrfToken).toBe(answer.body.csrfToken);
      const lines = await auditOf(server(), username);
      expect(lines.map((l) => [l.action, l.outcome])).toEqual([['console sign-in', 'accepted']]);
      expect(lines[0]!.ip).toBe('127.0.0.1');
    });

    it('refuses a wrong password and an unknown person alike, and audits both', async () => {
      const { username } = await person(server(), 'buyer');
      const client = new ConsoleClient(server().url);
      const wrong = await client.signIn(username, 'not-the-password');
      const unknown = await client.signIn('nobody-here', 'not-the-password');
      expect([wrong.status, unknown.status]).toEqual([401, 401]);
      expect(wrong.body).toEqual(unknown.body);
      expect(wrong.setCookie).toEqual([]);
      expect((await auditOf(server(), username)).map((l) => [l.outcome, l.detail])).toEqual([
        ['refused', { reason: 'wrong-password', failedCount: 1 }],
      ]);
      expect((await auditOf(server(), 'nobody-here')).map((l) => l.detail)).toEqual([
        { reason: 'unknown-user' },
      ]);
    });

    it('locks the account after 5 wrong passwords: even the right one is refused for 15 minutes', async () => {
      const { username, password } = await person(server(), 'analyst');
      const client = new ConsoleClient(server().url);
      const statuses: number[] = [];
      for (let i = 0; i < 5; i += 1)
        statuses.push((await client.signIn(username, `wrong-${i}`)).status);
      expect(statuses).toEqual([401, 401, 401, 401, 429]);
      const right = await client.signIn(username, password);
      expect(right.status).toBe(429);
      expect(right.body.code).toBe('CONSOLE_ACCOUNT_LOCKED');
      const until = Date.parse(/locked until (\S+)\./.exec(right.body.message)![1]!);
      expect(until - Date.now()).toBeGreaterThan(14 * 60_000);
      expect(until - Date.now()).toBeLessThanOrEqual(15 * 60_000);
      const lines = await auditOf(server(), username);
      expect(lines).toHaveLength(6);
      expect(lines.every((l) => l.outcome === 'refused' && l.action === 'console sign-in')).toBe(
        true,
      );
      expect(lines.at(-1)!.detail).toMatchObject({ reason: 'locked' });
    });

    it('a right password resets the count of wrong ones', async () => {
      const { username, password } = await person(server(), 'buyer');
      const client = new ConsoleClient(server().url);
      for (let i = 0; i < 4; i += 1) await client.signIn(username, `wrong-${i}`);
      expect((await client.signIn(username, password)).status).toBe(200);
      for (let i = 0; i < 4; i += 1) {
        expect((await new ConsoleClient(server().url).signIn(username, `again-${i}`)).status).toBe(
          401,
        );
      }
    });

    it('refuses a sign-in posted from another site (login CSRF)', async () => {
      const { username, password } = await person(server(), 'admin');
      const client = new ConsoleClient(server().url);
      const answer = await client.request(
        'POST',
        '/v1/console/sign-in',
        { username, password },
        { origin: 'https://evil.example' },
      );
      expect(answer.status).toBe(403);
      expect(answer.body.code).toBe('CROSS_SITE_REFUSED');
      expect(answer.setCookie).toEqual([]);
    });

    it('signing out ends the session for good', async () => {
      const client = await signedIn(server(), 'analyst');
      expect((await client.request('POST', '/v1/console/sign-out')).status).toBe(200);
      const after = await client.request('GET', '/v1/admin/facilities');
      expect(after.status).toBe(401);
      expect(after.body.code).toBe('CONSOLE_SIGN_IN_REQUIRED');
    });

    it('disabling a person ends their session at once', async () => {
      const admin = await signedIn(server(), 'admin');
      const { username, password } = await person(server(), 'buyer');
      const buyer = new ConsoleClient(server().url);
      await buyer.signIn(username, password);
      expect((await buyer.request('GET', '/v1/admin/facilities')).status).toBe(200);
      expect(
        (await admin.request('POST', `/v1/admin/console-users/${username}/disable`)).status,
      ).toBe(200);
      expect((await buyer.request('GET', '/v1/admin/facilities')).status).toBe(401);
      expect((await buyer.signIn(username, password)).status).toBe(401);
    });
  });

  describe('CSRF on console writes', () => {
    it('refuses a write without the CSRF header, with a wrong one, or from another origin', async () => {
      const client = await signedIn(server(), 'admin');
      const facility = () => ({ id: uniqueId('FAC'), name: 'North' });
      const none = await client.request('POST', '/v1/admin/facilities', facility(), {
        csrf: false,
      });
      expect([none.status, none.body.code]).toEqual([403, 'CSRF_TOKEN_INVALID']);
      const wrong = await client.request('POST', '/v1/admin/facilities', facility(), {
        csrf: 'x'.repeat(43),
      });
      expect([wrong.status, wrong.body.code]).toEqual([403, 'CSRF_TOKEN_INVALID']);
      const foreign = await client.request('POST', '/v1/admin/facilities', facility(), {
        origin: 'https://evil.example',
      });
      expect([foreign.status, foreign.body.code]).toEqual([403, 'CROSS_SITE_REFUSED']);
      const good = await client.request('POST', '/v1/admin/facilities', facility());
      expect(good.status).toBe(201);
    });

    it('a CSRF token of another session does not pass', async () => {
      const mine = await signedIn(server(), 'admin');
      const theirs = await signedIn(server(), 'admin');
      const answer = await mine.request(
        'POST',
        '/v1/admin/facilities',
        { id: uniqueId('FAC'), name: 'x' },
        { csrf: theirs.csrfToken! },
      );
      expect(answer.status).toBe(403);
    });
  });

  describe('roles, checked by the endpoint', () => {
    const writes: [string, string, unknown][] = [
      ['POST', '/v1/admin/facilities', { id: 'FAC-NOPE', name: 'Nope' }],
      ['POST', '/v1/admin/enrollment-codes', { facilityId: 'FAC-NOPE' }],
      ['POST', '/v1/admin/devices/DEV-x/revoke', undefined],
      ['POST', '/v1/admin/api-keys', { name: 'erp', scopes: ['events:read'] }],
      ['POST', '/v1/admin/api-keys/KEY-x/revoke', undefined],
      ['POST', '/v1/admin/api-keys/KEY-x/rotate', {}],
      ['PUT', '/v1/admin/api-keys/KEY-x/expiry', { expiresAt: null }],
      ['POST', '/v1/admin/console-users', { username: 'someone', role: 'admin' }],
      ['POST', '/v1/admin/console-users/someone/disable', undefined],
    ];
    const reads = [
      '/v1/admin/facilities',
      '/v1/admin/devices',
      '/v1/admin/api-keys',
      '/v1/admin/console-users',
    ];

    for (const role of ['buyer', 'analyst']) {
      it(`${role === 'analyst' ? 'an' : 'a'} ${role} reads every list and reaches no admin action`, async () => {
        const client = await signedIn(server(), role);
        for (const path of reads)
          expect((await client.request('GET', path)).status, path).toBe(200);
        for (const [method, path, body] of writes) {
          const answer = await client.request(method, path, body);
          expect([answer.status, answer.body.code], `${method} ${path}`).toEqual([
            403,
            'ROLE_NOT_PERMITTED',
          ]);
        }
        // Refused before the body is read: a malformed body still gets the role's refusal.
        const malformed = await client.request('POST', '/v1/admin/facilities', { bogus: true });
        expect(malformed.status).toBe(403);
        const facilities = await server()
          .database.db.selectFrom('facilities')
          .select('id')
          .where('id', '=', 'FAC-NOPE')
          .execute();
        expect(facilities).toEqual([]);
      });
    }

    it('an admin takes every admin action', async () => {
      const client = await signedIn(server(), 'admin');
      const id = uniqueId('FAC');
      expect((await client.request('POST', '/v1/admin/facilities', { id, name: 'N' })).status).toBe(
        201,
      );
      const code = await client.request('POST', '/v1/admin/enrollment-codes', { facilityId: id });
      expect(code.status).toBe(201);
      const key = await client.request('POST', '/v1/admin/api-keys', {
        name: 'erp',
        scopes: ['events:read'],
      });
      expect(key.status).toBe(201);
      const { username } = (await client.request('GET', '/v1/console/session')).body.user;
      const lines = await auditOf(server(), username);
      expect(lines.map((l) => [l.actor_type, l.action, l.outcome])).toEqual([
        ['console-user', 'console sign-in', 'accepted'],
        ['console-user', 'POST /v1/admin/facilities', 'accepted'],
        ['console-user', 'POST /v1/admin/enrollment-codes', 'accepted'],
        ['console-user', 'POST /v1/admin/api-keys', 'accepted'],
      ]);
    });
  });
});
