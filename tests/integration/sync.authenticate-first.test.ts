import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SyncContext } from '../../sync/context';
import type { SyncDatabase } from '../../sync/db/connect';
import { DEFAULT_RATE_LIMITS, type RateLimits } from '../../sync/http/rate-limits';
import { buildServer } from '../../sync/server';
import { addFacility, enrollDevice } from './sync-helpers/devices';
import { openTestDatabase, testSchema, type TestServer } from './sync-helpers/server';
import { runAdmin } from '../../sync/cli/admin';
import { enrollDevice as enrollThisPc } from '../../renderer/replication/enrollment';

/**
 * Issue 12 point 6, hostile: authentication before the body is read, rate limits with
 * Retry-After, and anonymous refusals counted per source and minute instead of a row each.
 */

async function serve(rateLimits: RateLimits): Promise<TestServer> {
  const database: SyncDatabase = await openTestDatabase('pglite', testSchema('auth_first'));
  const { app, context } = await buildServer({ database, drainMs: 300, rateLimits });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    backend: 'pglite',
    url: `http://127.0.0.1:${port}`,
    app,
    context,
    database,
    async admin(...argv) {
      const result = await runAdmin(database.db, argv);
      if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
      return result.output as Record<string, unknown>;
    },
    async close() {
      await app.close();
      await database.close();
    },
  };
}

async function send(
  server: TestServer,
  method: string,
  path: string,
  headers: Record<string, string>,
  body?: string,
) {
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers: body === undefined ? headers : { 'content-type': 'application/json', ...headers },
    ...(body === undefined ? {} : { body }),
  });
  return {
    status: response.status,
    retryAfter: response.headers.get('retry-after'),
    body: (await response.json()) as Record<string, unknown>,
  };
}

function refusalRows(context: SyncContext) {
  return context.database.db
    .selectFrom('audit_log')
    .select(['ip', 'detail', 'actor_type'])
    .where('action', '=', 'authentication refused')
    .execute();
}

describe('authenticate first, then read the body [PGlite]', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await serve(DEFAULT_RATE_LIMITS);
  }, 60_000);
  afterAll(async () => server.close());

  it.each([
    ['POST', '/v1/replication/stock_events/push', '[{"newDocumentState":{"nope":1}}]'],
    ['POST', '/v1/replication/stock_events/push', '{"not":"an array"'],
    ['GET', '/v1/replication/items/pull?checkpoint=1.5&limit=zero', undefined],
    ['PUT', '/v1/erp/items', '[{"id":1}]'],
    ['POST', '/v1/erp/recalls', '{}'],
    ['POST', '/v1/devices/enroll', '{"unexpected":true}'],
    ['GET', '/v1/facilities/FAC-X/sync-health', undefined],
  ])('an anonymous %s %s gets 401, never a 400 naming fields', async (method, path, body) => {
    const answer = await send(server, method, path, {}, body);
    expect(answer.status).toBe(401);
    expect(answer.body).not.toHaveProperty('errors');
    expect(JSON.stringify(answer.body)).not.toMatch(/newDocumentState|deviceName|checkpoint/);
  });

  it.each([
    ['POST', '/v1/replication/stock_events/push', 'dev_not-a-real-token'],
    ['PUT', '/v1/erp/items', 'key_not-a-real-key'],
    ['POST', '/v1/devices/enroll', 'enr_not-a-real-code'],
  ])(
    'a wrong credential on %s %s with a bad body gets 401, not 400',
    async (method, path, token) => {
      const answer = await send(
        server,
        method,
        path,
        { authorization: `Bearer ${token}` },
        '{"x":',
      );
      expect(answer.status).toBe(401);
      expect(answer.body).not.toHaveProperty('errors');
    },
  );

  it('with a valid code, enrolment then checks the body and names the field', async () => {
    const facility = await addFacility(server);
    const { code } = (await server.admin('enroll', '--facility', facility)) as { code: string };
    const answer = await send(
      server,
      'POST',
      '/v1/devices/enroll',
      { authorization: `Bearer ${code}` },
      '{}',
    );
    expect(answer.status).toBe(400);
    expect(JSON.stringify(answer.body)).toMatch(/deviceName/);
  });

  it('300 wrong enrolment codes: 401 up to the limit, then 429 with Retry-After; the audit log grows by one row per source and minute', async () => {
    const before = (await refusalRows(server.context)).length;
    const startedMinute = Math.floor(Date.now() / 60_000);
    const statuses: number[] = [];
    const retryAfters: string[] = [];
    for (let i = 0; i < 300; i += 1) {
      const answer = await send(
        server,
        'POST',
        '/v1/devices/enroll',
        { authorization: `Bearer enr_guess${i}` },
        '{"deviceName":"PC"}',
      );
      statuses.push(answer.status);
      if (answer.status === 429) {
        retryAfters.push(answer.retryAfter ?? 'missing');
        expect(answer.body['code']).toBe('RATE_LIMITED');
      }
    }
    const endedMinute = Math.floor(Date.now() / 60_000);
    const limit = DEFAULT_RATE_LIMITS.enrolPerAddress;
    // Earlier tests in this file spent some of this address's enrolment budget.
    const first429 = statuses.indexOf(429);
    expect(first429).toBeGreaterThan(0);
    expect(first429).toBeLessThanOrEqual(limit);
    expect(statuses.slice(0, first429).every((s) => s === 401)).toBe(true);
    if (startedMinute === endedMinute) {
      expect(statuses.slice(first429).every((s) => s === 429)).toBe(true);
    }
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThan(300 - 2 * limit);
    for (const value of retryAfters) {
      expect(Number(value)).toBeGreaterThan(0);
      expect(Number(value)).toBeLessThanOrEqual(60);
    }

    // Nothing is written a request; at the end of the minute (here: at once) one line a source.
    const written = await server.context.refusals!.flush(true);
    const rows = (await refusalRows(server.context)).slice(before);
    expect(rows.length).toBe(written);
    const minutes = new Set(rows.map((r) => (r.detail as { minute: string }).minute));
    expect(rows.length).toBe(minutes.size);
    expect(rows.every((r) => r.ip === '127.0.0.1' && r.actor_type === 'anonymous')).toBe(true);
    expect(minutes.size).toBeLessThanOrEqual(endedMinute - startedMinute + 2);
    const counted = rows.reduce((sum, r) => sum + (r.detail as { count: number }).count, 0);
    expect(counted).toBeGreaterThanOrEqual(300);
    const codes = rows.map((r) => (r.detail as { codes: Record<string, number> }).codes);
    expect(codes.reduce((sum, c) => sum + (c['RATE_LIMITED'] ?? 0), 0)).toBe(
      statuses.filter((s) => s === 429).length,
    );
    const perRequest = await server.context.database.db
      .selectFrom('audit_log')
      .select('id')
      .where('action', '=', 'POST /v1/devices/enroll')
      .where('status', 'in', [401, 429])
      .execute();
    expect(perRequest).toEqual([]);
  });
});

describe('rate limits per address and per credential [PGlite]', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await serve({ perAddress: 40, perCredential: 8, enrolPerAddress: 5 });
  }, 60_000);
  afterAll(async () => server.close());

  it('one credential over its limit gets 429 with Retry-After; another credential does not', async () => {
    const facility = await addFacility(server);
    const first = await enrollDevice(server, facility);
    const second = await enrollDevice(server, facility);
    const pull = (token: string) =>
      send(server, 'GET', '/v1/replication/items/pull', { authorization: `Bearer ${token}` });
    const answers = [];
    for (let i = 0; i < 10; i += 1) answers.push(await pull(first.token));
    expect(answers.slice(0, 8).map((a) => a.status)).toEqual(Array(8).fill(200));
    expect(answers[8]?.status).toBe(429);
    expect(Number(answers[8]?.retryAfter)).toBeGreaterThan(0);
    expect((await pull(second.token)).status).toBe(200);
  });

  it("the PC's enrolment sends the code as its credential and says plainly when refused or limited", async () => {
    const facility = await addFacility(server);
    const { code } = (await server.admin('enroll', '--facility', facility)) as { code: string };
    const kept: string[] = [];
    const keeper = { setDeviceToken: async (token: string) => void kept.push(token) };
    const enrol = (c: string) =>
      enrollThisPc({ endpoint: server.url, code: c, deviceName: 'Ward 3 PC' }, keeper);
    expect(await enrol('enr_wrong')).toMatchObject({ ok: false, error: { code: 'CODE_REFUSED' } });
    expect(await enrol('not a code ✓')).toMatchObject({
      ok: false,
      error: { code: 'CODE_REFUSED' },
    });
    expect(await enrol(` ${code} `)).toMatchObject({
      ok: true,
      enrollment: { facilityId: facility },
    });
    expect(kept).toHaveLength(1);
    // The enrolment limit of this server is 5 a minute; two were spent by the test above.
    let last = await enrol('enr_wrong');
    for (let i = 0; i < 5 && last.ok === false && last.error.code !== 'TOO_MANY_ATTEMPTS'; i += 1) {
      last = await enrol('enr_wrong');
    }
    expect(last).toMatchObject({ ok: false, error: { code: 'TOO_MANY_ATTEMPTS' } });
    expect(last.ok === false && last.error.message).toMatch(/Wait \d+ seconds/);
  });

  it('one address over its limit gets 429 whatever it sends', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 45; i += 1) {
      statuses.push((await send(server, 'GET', '/v1/erp/events', {})).status);
    }
    expect(statuses).toContain(429);
    expect(statuses.filter((s) => s !== 401 && s !== 429)).toEqual([]);
    const limited = await send(server, 'GET', '/v1/erp/events', {});
    expect(limited.status).toBe(429);
    expect(Number(limited.retryAfter)).toBeGreaterThan(0);
  });
});
