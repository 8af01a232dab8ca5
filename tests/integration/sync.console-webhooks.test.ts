import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONSOLE_SESSION_COOKIE } from '../../shared/console';
import { startWebhookWorker, type WebhookWorker } from '../../sync/webhooks/worker';
import { SAMPLE_DOCUMENTS } from '../fixtures/model/sample-documents';
import type { ConsoleClient } from './console-helpers/console-client';
import { signedInPerson } from './console-helpers/console-person';
import { describeOnBackends, postgresAvailable } from './sync-helpers/backends';
import { call, enrollDevice, uniqueId } from './sync-helpers/devices';
import { stockEvent } from './sync-helpers/documents';
import { startReceiver } from './sync-helpers/receiver';
import {
  dropSchema,
  openTestDatabase,
  startServerOn,
  testSchema,
  type TestServer,
} from './sync-helpers/server';
import { openEventStream } from './sync-helpers/sse';
import { addStaffedFacility } from './sync-helpers/staff';
import { waitFor } from './sync-helpers/wait';
import { FAST_WORKER, testWebhookSettings } from './sync-helpers/webhook-settings';

/** Issue 14: webhooks, dead letters and the ERP feed through the console's admin API; its live stream. */
function consoleStream(server: TestServer, client: ConsoleClient) {
  const stream = openEventStream(`${server.url}/v1/admin/stream`, null, {
    cookie: `${CONSOLE_SESSION_COOKIE}=${client.cookie}`,
  });
  const events: unknown[] = [];
  stream.events.subscribe((e) => events.push(e));
  return { stream, events };
}

describeOnBackends(
  'console: webhooks, dead letters, feed positions',
  'console_hooks',
  (server) => {
    let worker: WebhookWorker;
    beforeAll(() => {
      worker = startWebhookWorker(
        server().database.db,
        server().app.log,
        server().context.webhooks,
        { ...FAST_WORKER, maxAttempts: 1 },
      );
    });
    afterAll(async () => {
      await worker.stop();
    });

    it('an admin registers a webhook for a key, sees its dead letter (also as an exception) and replays it', async () => {
      const admin = await signedInPerson(server(), 'admin');
      const key = await admin.request('POST', '/v1/admin/api-keys', {
        name: uniqueId('erp'),
        scopes: ['recalls:write', 'recalls:read', 'events:read'],
      });
      expect(key.status).toBe(201);
      const receiver = await startReceiver((n) => ({ status: n === 1 ? 500 : 204 }));
      try {
        const created = await admin.request('POST', '/v1/admin/webhooks', {
          url: receiver.url,
          eventTypes: ['*'],
          ownerKeyId: key.body.apiKey.id,
        });
        expect(created.status).toBe(201);
        expect(created.body.secret).toMatch(/^whsec_/);
        expect(created.body.eventTypes).toEqual([
          'label.printed',
          'recall_case.changed',
          'recall_notice.changed',
          'stock_event.recorded',
        ]);
        const hookId = created.body.id as string;

        // Buyers and analysts read; neither registers, replays nor deletes.
        const buyer = await signedInPerson(server(), 'buyer');
        const analyst = await signedInPerson(server(), 'analyst');
        expect((await analyst.request('GET', '/v1/admin/webhooks')).status).toBe(200);
        for (const client of [buyer, analyst]) {
          const refused = await client.request('POST', '/v1/admin/webhooks', {
            url: receiver.url,
            eventTypes: ['*'],
            ownerKeyId: key.body.apiKey.id,
          });
          expect(refused.status).toBe(403);
          expect(
            (await client.request('POST', '/v1/admin/dead-letters/replay', { ids: [1] })).status,
          ).toBe(403);
          expect((await client.request('DELETE', `/v1/admin/webhooks/${hookId}`)).status).toBe(403);
        }
        const noKey = await admin.request('POST', '/v1/admin/webhooks', {
          url: receiver.url,
          eventTypes: ['*'],
          ownerKeyId: 'AK-NOPE',
        });
        expect(noKey.status).toBe(400);
        expect(noKey.body.errors[0].field).toBe('ownerKeyId');

        // The ERP enters a recall; the receiver answers 500 to the one attempt: a dead letter.
        const notice = { ...SAMPLE_DOCUMENTS.recall_notices, id: uniqueId('RCL') };
        expect(
          (await call(server(), 'POST', '/v1/erp/recalls', key.body.apiKey.key, notice)).status,
        ).toBe(201);
        const dead = await waitFor(async () => {
          const answer = await analyst.request('GET', '/v1/admin/dead-letters');
          return (answer.body.deadLetters as { id: number; webhookId: string }[]).find(
            (d) => d.webhookId === hookId,
          );
        });
        expect(dead).toMatchObject({ eventType: 'recall_notice.changed', lastStatus: 500 });
        const exceptions = await analyst.request('GET', '/v1/admin/exceptions?kind=dead-letter');
        expect(exceptions.body.items.map((i: { summary: string }) => i.summary)).toEqual(
          expect.arrayContaining([expect.stringContaining(receiver.url)]),
        );
        const listed = await admin.request('GET', '/v1/admin/webhooks');
        expect(listed.body.webhooks.find((w: { id: string }) => w.id === hookId)).toMatchObject({
          dead: 1,
          state: 'active',
          ownerKey: { id: key.body.apiKey.id },
        });

        const replay = await admin.request('POST', '/v1/admin/dead-letters/replay', {
          ids: [dead.id, 999_999],
        });
        expect(replay.status).toBe(200);
        expect(replay.body).toEqual({ replayed: [dead.id], notDead: [999_999] });
        await waitFor(() => receiver.received.length === 2);
        await waitFor(async () => {
          const answer = await admin.request('GET', '/v1/admin/dead-letters');
          return !answer.body.deadLetters.some((d: { id: number }) => d.id === dead.id);
        });

        // Pause, resume, re-key (a new secret, the old one overlapping), delete.
        const paused = await admin.request('POST', `/v1/admin/webhooks/${hookId}/pause`);
        expect(paused.body.state).toBe('paused');
        const resumed = await admin.request('POST', `/v1/admin/webhooks/${hookId}/resume`);
        expect(resumed.body.state).toBe('active');
        const rekeyed = await admin.request(
          'POST',
          `/v1/admin/webhooks/${hookId}/rotate-secret`,
          {},
        );
        expect(rekeyed.status).toBe(200);
        expect(rekeyed.body.secret).toMatch(/^whsec_/);
        expect(rekeyed.body.secret).not.toBe(created.body.secret);
        expect(rekeyed.body.previousSecretExpiresAt).toEqual(expect.any(String));
        expect((await admin.request('DELETE', `/v1/admin/webhooks/${hookId}`)).status).toBe(200);
        expect((await admin.request('DELETE', `/v1/admin/webhooks/${hookId}`)).status).toBe(404);
        // Each act is in the audit log under the person who did it.
        const audit = await analyst.request('GET', '/v1/admin/audit?what=webhooks&limit=50');
        expect(
          audit.body.entries
            .filter((e: { outcome: string }) => e.outcome === 'accepted')
            .map((e: { action: string }) => e.action),
        ).toEqual(
          expect.arrayContaining([
            'POST /v1/admin/webhooks',
            'POST /v1/admin/webhooks/:id/pause',
            'DELETE /v1/admin/webhooks/:id',
          ]),
        );
      } finally {
        await receiver.close();
      }
    });

    it('shows how far behind the ERP events feed each reading key is', async () => {
      const admin = await signedInPerson(server(), 'admin');
      const key = await admin.request('POST', '/v1/admin/api-keys', {
        name: uniqueId('feed'),
        scopes: ['events:read'],
      });
      const facility = await addStaffedFacility(server());
      const device = await enrollDevice(server(), facility);
      const pushed = await call(
        server(),
        'POST',
        '/v1/replication/stock_events/push',
        device.token,
        [
          { newDocumentState: stockEvent(device, { deviceSeq: 1 }) },
          { newDocumentState: stockEvent(device, { deviceSeq: 2 }) },
        ],
      );
      expect(pushed.status).toBe(200);
      const position = async () =>
        (await admin.request('GET', '/v1/admin/feed-positions')).body.positions.find(
          (p: { keyId: string }) => p.keyId === key.body.apiKey.id,
        );
      const unread = await position();
      expect(unread).toMatchObject({ position: null, readAt: null });
      expect(unread.behind).toBeGreaterThanOrEqual(2);
      const page = await call(server(), 'GET', '/v1/erp/events?limit=1000', key.body.apiKey.key);
      const next = (page.body as { next: number }).next;
      expect(page.status).toBe(200);
      const read = await call(server(), 'GET', `/v1/erp/events?after=${next}`, key.body.apiKey.key);
      expect(read.status).toBe(200);
      expect(await position()).toMatchObject({ position: next, behind: 0 });
      expect(
        (await call(server(), 'GET', '/v1/erp/events?after=0', key.body.apiKey.key)).status,
      ).toBe(200);
      expect((await position()).behind).toBeGreaterThanOrEqual(2);
    });

    it('the console stream says CHANGED on connect and after an audited write', async () => {
      const admin = await signedInPerson(server(), 'admin');
      const { stream, events } = consoleStream(server(), admin);
      try {
        expect(await stream.opened).toBe(200);
        await waitFor(() => events.length === 1);
        await admin.request('POST', '/v1/admin/facilities', {
          id: uniqueId('FAC'),
          name: 'Live',
        });
        await waitFor(() => events.length >= 2, 3_000);
        expect(events[0]).toBe('CHANGED');
      } finally {
        stream.close();
      }
      const anonymous = openEventStream(`${server().url}/v1/admin/stream`, null);
      expect(await anonymous.opened).toBe(401);
      anonymous.close();
    });

    it('documents the console integration routes in the OpenAPI document', async () => {
      const doc = (await call(server(), 'GET', '/v1/openapi.json', null)).body as {
        paths: Record<string, unknown>;
      };
      for (const path of [
        '/v1/admin/webhooks',
        '/v1/admin/webhooks/{id}/pause',
        '/v1/admin/webhooks/{id}/rotate-secret',
        '/v1/admin/dead-letters',
        '/v1/admin/dead-letters/replay',
        '/v1/admin/feed-positions',
        '/v1/admin/stream',
      ]) {
        expect(doc.paths[path], path).toBeDefined();
      }
    });
  },
  { webhooks: testWebhookSettings() },
);

// Two endpoint processes on one PostgreSQL schema: a console on one hears a write made on the other.
describe.skipIf(!postgresAvailable)('console live stream across processes [PostgreSQL]', () => {
  const schema = testSchema('console_live');
  const servers: TestServer[] = [];
  beforeAll(async () => {
    for (let i = 0; i < 2; i += 1) {
      const database = await openTestDatabase('postgres', schema);
      const server = await startServerOn('postgres', database);
      servers.push({
        ...server,
        close: async () => {
          await server.stop();
          await database.close();
        },
      });
    }
  }, 60_000);
  afterAll(async () => {
    for (const server of servers) await server.close();
    await dropSchema(schema);
  });

  it('a write through process two reaches the console stream of process one within seconds', async () => {
    const [one, two] = servers as [TestServer, TestServer];
    const admin = await signedInPerson(one, 'admin');
    const { stream, events } = consoleStream(one, admin);
    try {
      expect(await stream.opened).toBe(200);
      await waitFor(() => events.length === 1);
      const facility = await addStaffedFacility(two);
      const device = await enrollDevice(two, facility);
      const started = Date.now();
      await waitFor(() => events.length >= 2, 5_000);
      const beforeCount = events.length;
      // A refused push through process two (a PC write, not a console one) is heard too.
      await call(two, 'POST', '/v1/replication/stock_events/push', device.token, [
        { newDocumentState: stockEvent('FAC-ELSEWHERE', { deviceId: device.deviceId }) },
      ]);
      await waitFor(() => events.length > beforeCount, 5_000);
      expect(Date.now() - started).toBeLessThan(5_000);
    } finally {
      stream.close();
    }
  });
});
