import { expect, it } from 'vitest';
import { ConsoleClient } from './console-helpers/console-client';
import { describeOnBackends } from './sync-helpers/backends';
import { addFacility, call, createApiKey, enrollDevice, uniqueId } from './sync-helpers/devices';
import { addStaffedFacility } from './sync-helpers/staff';
import { stockEvent } from './sync-helpers/documents';
import type { TestServer } from './sync-helpers/server';

/** Issue 14: what the console's Facilities and PCs and Audit screens read from the admin API. */
async function analyst(server: TestServer): Promise<ConsoleClient> {
  const username = uniqueId('analyst').toLowerCase();
  const { password } = (await server.admin(
    'console-user',
    'add',
    '--username',
    username,
    '--role',
    'analyst',
  )) as { password: string };
  const client = new ConsoleClient(server.url);
  await client.signIn(username, password);
  return client;
}

describeOnBackends('console views', 'console_views', (server) => {
  it('lists each PC with its gaps, last accepted push and refused pushes', async () => {
    const facility = await addStaffedFacility(server());
    const device = await enrollDevice(server(), facility);
    const event = (deviceSeq: number) => ({
      newDocumentState: stockEvent(facility, { deviceId: device.deviceId, deviceSeq }),
    });
    const push = (rows: unknown) =>
      call(server(), 'POST', '/v1/replication/stock_events/push', device.token, rows);
    expect((await push([1, 2, 5].map(event))).status).toBe(200);
    const foreign = stockEvent('FAC-ELSEWHERE', { deviceId: device.deviceId, deviceSeq: 6 });
    expect((await push([{ newDocumentState: foreign }])).status).toBeGreaterThanOrEqual(400);

    const client = await analyst(server());
    const answer = await client.request('GET', `/v1/admin/pcs?facilityId=${facility}`);
    expect(answer.status).toBe(200);
    expect(answer.body.pcs).toEqual([
      expect.objectContaining({
        deviceId: device.deviceId,
        facilityId: facility,
        lastContactAt: expect.any(String),
        lastPushAcceptedAt: expect.any(String),
        refusedPushes: 1,
        lastSeq: 5,
        received: 3,
        gaps: [{ from: 3, to: 4 }],
        revokedAt: null,
      }),
    ]);
  });

  it('searches the audit log by who, what, facility, device, address and outcome, and exports CSV', async () => {
    const facility = await addFacility(server());
    const device = await enrollDevice(server(), facility);
    await server().admin('device', 'revoke', '--device', device.deviceId);
    const refused = await call(
      server(),
      'POST',
      '/v1/replication/stock_events/push',
      device.token,
      [],
    );
    expect(refused.status).toBe(401);
    const client = await analyst(server());
    const search = async (query: string) => {
      const answer = await client.request('GET', `/v1/admin/audit?${query}`);
      expect(answer.status, query).toBe(200);
      return answer.body.entries as {
        action: string;
        outcome: string;
        actorId: string;
        ip: string;
      }[];
    };
    const byFacility = await search(`facility=${facility}&limit=50`);
    expect(byFacility.map((e) => e.action)).toEqual(
      expect.arrayContaining(['cli facility add', 'cli enroll']),
    );
    const byDevice = await search(`device=${device.deviceId}`);
    expect(byDevice.map((e) => e.action)).toEqual(expect.arrayContaining(['cli device revoke']));
    const refusals = await search(`facility=${facility}&outcome=refused`);
    expect(refusals.every((e) => e.outcome === 'refused')).toBe(true);
    const signIns = await search('what=console%20sign-in&address=127.0.0.1&who=analyst');
    expect(signIns.length).toBeGreaterThan(0);
    expect(signIns.every((e) => e.action === 'console sign-in' && e.ip === '127.0.0.1')).toBe(true);
    // LIKE's wildcards are matched literally.
    expect(await search('who=%25')).toEqual([]);
    expect(await search(`since=${new Date(Date.now() + 60_000).toISOString()}`)).toEqual([]);
    // From after To matches nothing whatever the log holds: refused, saying so, for every client.
    const since = '2026-12-08T00:00:00.000Z';
    const until = '2026-12-02T00:00:00.000Z';
    for (const path of ['/v1/admin/audit', '/v1/admin/audit.csv']) {
      const reversed = await client.request('GET', `${path}?since=${since}&until=${until}`);
      expect(reversed.status, path).toBe(400);
      expect(reversed.body).toMatchObject({
        code: 'AUDIT_RANGE_REVERSED',
        message: `Nothing was searched: since (${since}) is not before until (${until}), so no line could match. Swap them, or leave one out.`,
      });
    }
    const key = await createApiKey(server(), ['audit:read']);
    const erp = await call(server(), 'GET', `/v1/erp/audit?since=${since}&until=${until}`, key);
    expect(erp.status).toBe(400);
    expect((erp.body as { code: string }).code).toBe('AUDIT_RANGE_REVERSED');
    // The same two instants the right way round are searched.
    expect(await search(`since=${until}&until=${since}`)).toEqual(expect.any(Array));

    const csv = await client.request('GET', `/v1/admin/audit.csv?facility=${facility}`);
    expect(csv.status).toBe(200);
    const lines = (csv.body as string).trim().split('\r\n');
    expect(lines[0]).toBe('id,at,actorType,actorId,ip,action,target,outcome,status,detail');
    expect(lines.length).toBe(byFacility.length + 1);
    expect(lines.some((l) => l.includes('cli facility add'))).toBe(true);
  });

  it('documents the console routes and its session scheme in the OpenAPI document', async () => {
    const doc = (await call(server(), 'GET', '/v1/openapi.json', null)).body as {
      paths: Record<string, Record<string, { security?: unknown[] }>>;
      components: { securitySchemes: Record<string, unknown> };
    };
    for (const path of [
      '/v1/console/sign-in',
      '/v1/console/session',
      '/v1/console/sign-out',
      '/v1/admin/console-users',
      '/v1/admin/pcs',
      '/v1/admin/audit',
      '/v1/admin/audit.csv',
    ]) {
      expect(doc.paths[path], path).toBeDefined();
    }
    expect(doc.components.securitySchemes['consoleSession']).toEqual({
      type: 'apiKey',
      in: 'cookie',
      name: '__Host-stockroom-console',
    });
    expect(doc.paths['/v1/admin/facilities']!['post']!.security).toEqual([
      { bearer: [] },
      { consoleSession: [] },
    ]);
  });

  it('guards the spreadsheet: a cell that starts like a formula is quoted as text', async () => {
    const { auditCsv } = await import('../../sync/console/audit-search');
    const csv = auditCsv([
      {
        id: 1,
        at: '2026-12-03T10:00:00.000Z',
        actorType: 'device',
        actorId: '=HYPERLINK("http://x")',
        ip: null,
        action: 'a, "b"',
        target: null,
        outcome: 'refused',
        status: 401,
        detail: { reason: 'x' },
      },
    ]);
    expect(csv.split('\r\n')[1]).toBe(
      `1,2026-12-03T10:00:00.000Z,device,"'=HYPERLINK(""http://x"")",,"a, ""b""",,refused,401,"{""reason"":""x""}"`,
    );
  });
});
