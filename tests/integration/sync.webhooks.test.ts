import { afterAll, beforeAll, expect, it } from 'vitest';
import { startWebhookWorker, type WebhookWorker } from '../../sync/webhooks/worker';
import { describeOnBackends } from './sync-helpers/backends';
import { call, createApiKey, enrollDevice } from './sync-helpers/devices';
import { addStaffedFacility } from './sync-helpers/staff';
import { stockEvent } from './sync-helpers/documents';
import { startReceiver, type Behaviour, type Received } from './sync-helpers/receiver';
import type { TestServer } from './sync-helpers/server';
import { waitFor } from './sync-helpers/wait';
import { FAST_WORKER, signedWith, testWebhookSettings } from './sync-helpers/webhook-settings';

describeOnBackends(
  'sync: signed webhooks through a transactional outbox',
  'webhooks',
  (server) => {
    let worker: WebhookWorker;
    let key: string;
    beforeAll(async () => {
      worker = startWebhookWorker(
        server().database.db,
        server().app.log,
        server().context.webhooks,
        FAST_WORKER,
      );
      key = await createApiKey(server(), ['webhooks:manage', 'events:read']);
    });
    afterAll(async () => {
      await worker.stop();
    });

    async function scenario(script: (call: number) => Behaviour) {
      const receiver = await startReceiver(script);
      const registered = await call(server(), 'POST', '/v1/erp/webhooks', key, {
        url: receiver.url,
        eventTypes: ['stock_event.recorded'],
      });
      expect(registered.status).toBe(201);
      const { id: endpointId, secret } = registered.body as { id: string; secret: string };
      const facility = await addStaffedFacility(server());
      const device = await enrollDevice(server(), facility);
      const event = stockEvent(device);
      await call(server(), 'POST', '/v1/replication/stock_events/push', device.token, [
        { newDocumentState: event },
      ]);
      const mine = () => receiver.received.filter((r) => r.body.includes(event.id));
      return {
        receiver,
        event,
        mine,
        endpointId,
        verify: (message: Received) => signedWith(secret, message),
        server: server() as TestServer,
        device,
        facility,
      };
    }

    it('fails, times out, honours Retry-After, then recovers: one message id, every copy signed', async () => {
      const behaviours: Behaviour[] = [
        { status: 500 },
        { hang: true },
        { status: 503, headers: { 'retry-after': '1' } },
        { status: 204 },
      ];
      const { receiver, mine, verify } = await scenario(
        (n) => behaviours[n - 1] ?? { status: 204 },
      );
      try {
        await waitFor(() => mine().length >= 4, 15_000);
        const copies = mine();
        expect(new Set(copies.map((c) => c.headers['webhook-id'])).size).toBe(1);
        expect(copies.every(verify)).toBe(true);
        expect(JSON.parse(copies[0]!.body)).toMatchObject({ type: 'stock_event.recorded' });
        const gap =
          Number(copies[3]!.headers['webhook-timestamp']) -
          Number(copies[2]!.headers['webhook-timestamp']);
        expect(gap).toBeGreaterThanOrEqual(1); // waited for Retry-After: 1 s, far above the 40 ms backoff
        await new Promise((resolve) => setTimeout(resolve, 300));
        expect(mine()).toHaveLength(4);
      } finally {
        await receiver.close();
      }
    });

    it('dead-letters after the last attempt, and a replay delivers once the receiver recovers', async () => {
      let healthy = false;
      const { receiver, mine } = await scenario(() =>
        healthy ? { status: 200 } : { status: 500 },
      );
      try {
        type Dead = {
          deadLetters: {
            id: number;
            url: string;
            attempts: number;
            lastStatus: number;
            lastError: string;
          }[];
        };
        const dead = await waitFor(async () => {
          const list = (await call(server(), 'GET', '/v1/erp/dead-letters', key)).body as Dead;
          return list.deadLetters.find((d) => d.url === receiver.url);
        }, 15_000);
        expect(dead).toMatchObject({ attempts: 4, lastStatus: 500, lastError: 'http_5xx' });
        expect(mine()).toHaveLength(4);
        healthy = true;
        expect(
          (await call(server(), 'POST', `/v1/erp/dead-letters/${dead.id}/replay`, key)).status,
        ).toBe(202);
        await waitFor(() => mine().length === 5, 10_000);
        const after = (await call(server(), 'GET', '/v1/erp/dead-letters', key)).body as Dead;
        expect(after.deadLetters.find((d) => d.id === dead.id)).toBeUndefined();
      } finally {
        await receiver.close();
      }
    });

    it('a 410 answer disables the endpoint: later changes are not sent to it', async () => {
      const { receiver, mine, endpointId, device } = await scenario(() => ({
        status: 410,
      }));
      try {
        await waitFor(() => mine().length === 1);
        const endpoint = await waitFor(() =>
          server()
            .database.db.selectFrom('webhook_endpoints')
            .select(['disabled_at'])
            .where('id', '=', endpointId)
            .where('disabled_at', 'is not', null)
            .executeTakeFirst(),
        );
        expect(endpoint.disabled_at).toBeInstanceOf(Date);
        await call(server(), 'POST', '/v1/replication/stock_events/push', device.token, [
          { newDocumentState: stockEvent(device) },
        ]);
        await new Promise((resolve) => setTimeout(resolve, 300));
        expect(receiver.received).toHaveLength(1);
      } finally {
        await receiver.close();
      }
    });

    it('the outbox is transactional: a refused push leaves no message behind', async () => {
      const facility = await addStaffedFacility(server());
      const other = await addStaffedFacility(server());
      const device = await enrollDevice(server(), facility);
      const before = await server().database.db.selectFrom('outbox').select('id').execute();
      await call(server(), 'POST', '/v1/replication/stock_events/push', device.token, [
        { newDocumentState: stockEvent(device) },
        { newDocumentState: stockEvent(other) },
      ]);
      const after = await server().database.db.selectFrom('outbox').select('id').execute();
      expect(after.length).toBe(before.length);
    });
  },
  { webhooks: testWebhookSettings() },
);
