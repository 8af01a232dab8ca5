import { afterAll, beforeAll, expect, it } from 'vitest';
import { SAMPLE_DOCUMENTS } from '../fixtures/model/sample-documents';
import { startWebhookWorker, type WebhookWorker } from '../../sync/webhooks/worker';
import { describeOnBackends } from './sync-helpers/backends';
import { addFacility, call, createApiKey, uniqueId } from './sync-helpers/devices';
import { startReceiver } from './sync-helpers/receiver';
import { waitFor } from './sync-helpers/wait';
import { changeItem, registerWebhook } from './sync-helpers/webhook-flow';
import { FAST_WORKER, signedWith, testWebhookSettings } from './sync-helpers/webhook-settings';

interface Listed {
  id: string;
  state: string;
  eventTypes: string[];
  pending: number;
  needsRekey: boolean;
  ownerKey: { id: string; name: string | null } | null;
  previousSecretExpiresAt: string | null;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describeOnBackends(
  'sync: webhook subscriptions, secrets and management routes',
  'hookmanage',
  (server) => {
    let worker: WebhookWorker;
    let manager: string;
    beforeAll(async () => {
      worker = startWebhookWorker(
        server().database.db,
        server().app.log,
        server().context.webhooks,
        FAST_WORKER,
      );
      manager = await createApiKey(server(), ['webhooks:manage', 'inventory:read']);
    });
    afterAll(async () => {
      await worker.stop();
    });

    async function listed(id: string): Promise<Listed | undefined> {
      const answer = await call(server(), 'GET', '/v1/erp/webhooks', manager);
      expect(answer.status).toBe(200);
      return (answer.body as { webhooks: Listed[] }).webhooks.find((w) => w.id === id);
    }

    it('the server makes the secret, shows it once and keeps it only sealed; a caller-chosen secret is refused', async () => {
      const chosen = await call(server(), 'POST', '/v1/erp/webhooks', manager, {
        url: 'https://127.0.0.1:9/hook',
        secret: 'my-own-secret-of-sixteen',
        eventTypes: ['item.changed'],
      });
      expect(chosen.status).toBe(400);
      expect(JSON.stringify(chosen.body)).toContain('secret');
      const hook = await registerWebhook(server(), manager, 'https://127.0.0.1:9/hook');
      expect(hook.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
      expect(Buffer.from(hook.secret.slice(6), 'base64')).toHaveLength(32);
      const list = JSON.stringify((await call(server(), 'GET', '/v1/erp/webhooks', manager)).body);
      expect(list).not.toContain(hook.secret.slice(6));
      const row = await server()
        .database.db.selectFrom('webhook_endpoints')
        .selectAll()
        .where('id', '=', hook.id)
        .executeTakeFirstOrThrow();
      expect(row.secret).toBeNull();
      expect(row.secret_sealed).toMatch(/^v1\./);
      expect(JSON.stringify(row)).not.toContain(hook.secret.slice(6));
      const audit = await server()
        .database.db.selectFrom('audit_log')
        .select(['detail'])
        .where('action', '=', 'POST /v1/erp/webhooks')
        .execute();
      expect(JSON.stringify(audit)).not.toContain(hook.secret.slice(6));
      await call(server(), 'DELETE', `/v1/erp/webhooks/${hook.id}`, manager);
    });

    it('a subscription reaches only what the key may read: * is that much, beyond it is 403', async () => {
      const bare = await createApiKey(server(), ['webhooks:manage']);
      for (const eventTypes of [['*'], ['user.changed'], ['stock_event.recorded']]) {
        const answer = await call(server(), 'POST', '/v1/erp/webhooks', bare, {
          url: 'https://127.0.0.1:9/hook',
          eventTypes,
        });
        expect(answer.status, eventTypes[0]).toBe(403);
        expect(answer.body).toMatchObject({ code: 'SCOPE_MISSING' });
      }
      const beyond = await call(server(), 'POST', '/v1/erp/webhooks', manager, {
        url: 'https://127.0.0.1:9/hook',
        eventTypes: ['item.changed', 'user.changed'],
      });
      expect(beyond.status).toBe(403);
      expect(JSON.stringify(beyond.body)).toContain('users:read');
      const unknown = await call(server(), 'POST', '/v1/erp/webhooks', manager, {
        url: 'https://127.0.0.1:9/hook',
        eventTypes: ['item.deleted'],
      });
      expect(unknown.status).toBe(400);
      const all = await registerWebhook(server(), manager, 'https://127.0.0.1:9/hook', ['*']);
      expect(all.eventTypes.sort()).toEqual([
        'delivery.changed',
        'delivery.closed',
        'item.changed',
        'location.changed',
        'par_level.changed',
        'pending_item.changed',
      ]);
      await call(server(), 'DELETE', `/v1/erp/webhooks/${all.id}`, manager);
    });

    it('user.changed goes only to a key with users:read, and never carries a credential field', async () => {
      const facility = await addFacility(server());
      const reader = await createApiKey(server(), ['webhooks:manage', 'users:read']);
      const writer = await createApiKey(server(), ['users:write']);
      const receiver = await startReceiver(() => ({ status: 204 }));
      const items = await startReceiver(() => ({ status: 204 }));
      try {
        const hook = await registerWebhook(server(), reader, receiver.url, ['*']);
        expect(hook.eventTypes).toEqual(['user.changed']);
        const inventory = await registerWebhook(server(), manager, items.url, ['*']);
        const user = { ...SAMPLE_DOCUMENTS.users, id: uniqueId('USR'), facilityIds: [facility] };
        expect((await call(server(), 'PUT', '/v1/erp/users', writer, [user])).status).toBe(200);
        await changeItem(server());
        // Other tests of this server set up staff, whose user.changed may reach this key too.
        const mine = () => receiver.received.filter((r) => r.body.includes(user.id));
        await waitFor(() => mine().length >= 1 && items.received.length >= 1);
        await pause(200);
        // At-least-once: on a loaded machine a slow 204 can be retried under the same webhook-id.
        expect(new Set(mine().map((r) => String(r.headers['webhook-id']))).size).toBe(1);
        expect(signedWith(hook.secret, mine()[0]!)).toBe(true);
        for (const { body } of receiver.received) {
          expect(JSON.parse(body)).toMatchObject({ type: 'user.changed' });
          for (const secret of ['badgeHash', 'pinHash', '"salt"', user.pinHash, user.badgeHash]) {
            expect(body).not.toContain(secret);
          }
        }
        const deliveries = new Map(
          items.received.map((r) => [
            String(r.headers['webhook-id']),
            (JSON.parse(r.body) as { type: string }).type,
          ]),
        );
        expect([...deliveries.values()]).toEqual(['item.changed']);
        for (const id of [hook.id, inventory.id]) {
          await call(server(), 'DELETE', `/v1/erp/webhooks/${id}`, manager);
        }
      } finally {
        await receiver.close();
        await items.close();
      }
    });

    it('pause holds deliveries, resume sends them; delete removes it and its queue', async () => {
      const receiver = await startReceiver(() => ({ status: 204 }));
      try {
        const hook = await registerWebhook(server(), manager, receiver.url);
        const paused = await call(server(), 'POST', `/v1/erp/webhooks/${hook.id}/pause`, manager);
        expect(paused).toMatchObject({ status: 200, body: { state: 'paused' } });
        await changeItem(server());
        await pause(300);
        expect(receiver.received).toHaveLength(0);
        expect(await listed(hook.id)).toMatchObject({ state: 'paused', pending: 1 });
        const resumed = await call(server(), 'POST', `/v1/erp/webhooks/${hook.id}/resume`, manager);
        expect(resumed).toMatchObject({ status: 200, body: { state: 'active' } });
        await waitFor(() => receiver.received.length === 1);
        await call(server(), 'POST', `/v1/erp/webhooks/${hook.id}/pause`, manager);
        await changeItem(server());
        const deleted = await call(server(), 'DELETE', `/v1/erp/webhooks/${hook.id}`, manager);
        expect(deleted).toEqual({ status: 200, body: { deleted: hook.id } });
        expect(await listed(hook.id)).toBeUndefined();
        const left = await server()
          .database.db.selectFrom('webhook_deliveries')
          .select('id')
          .where('endpoint_id', '=', hook.id)
          .execute();
        expect(left).toEqual([]);
        for (const [method, path] of [
          ['DELETE', ''],
          ['POST', '/pause'],
          ['POST', '/resume'],
          ['POST', '/rotate-secret'],
        ] as const) {
          const answer = await call(
            server(),
            method,
            `/v1/erp/webhooks/${hook.id}${path}`,
            manager,
          );
          expect(answer.status, `${method} ${path}`).toBe(404);
        }
        const outsider = await createApiKey(server(), ['events:read']);
        expect((await call(server(), 'GET', '/v1/erp/webhooks', outsider)).status).toBe(403);
      } finally {
        await receiver.close();
      }
    });

    it('re-key: during the overlap each delivery is signed with the new and the old secret, then the new only', async () => {
      const receiver = await startReceiver(() => ({ status: 204 }));
      try {
        const hook = await registerWebhook(server(), manager, receiver.url);
        const rotated = await call(
          server(),
          'POST',
          `/v1/erp/webhooks/${hook.id}/rotate-secret`,
          manager,
          { overlapSeconds: 3600 },
        );
        expect(rotated.status).toBe(200);
        const next = rotated.body as { secret: string; previousSecretExpiresAt: string };
        expect(next.secret).not.toBe(hook.secret);
        expect(Date.parse(next.previousSecretExpiresAt)).toBeGreaterThan(Date.now() + 3500_000);
        expect((await listed(hook.id))?.previousSecretExpiresAt).toBe(next.previousSecretExpiresAt);
        await changeItem(server());
        await waitFor(() => receiver.received.length === 1);
        const overlapped = receiver.received[0]!;
        expect(String(overlapped.headers['webhook-signature']).split(' ')).toHaveLength(2);
        expect(signedWith(next.secret, overlapped)).toBe(true);
        expect(signedWith(hook.secret, overlapped)).toBe(true);
        const final = await call(
          server(),
          'POST',
          `/v1/erp/webhooks/${hook.id}/rotate-secret`,
          manager,
          { overlapSeconds: 0 },
        );
        const last = final.body as { secret: string; previousSecretExpiresAt: string | null };
        expect(last.previousSecretExpiresAt).toBeNull();
        await changeItem(server());
        await waitFor(() => receiver.received.length === 2);
        const after = receiver.received[1]!;
        expect(String(after.headers['webhook-signature']).split(' ')).toHaveLength(1);
        expect(signedWith(last.secret, after)).toBe(true);
        expect(signedWith(next.secret, after)).toBe(false);
        const tooLong = await call(
          server(),
          'POST',
          `/v1/erp/webhooks/${hook.id}/rotate-secret`,
          manager,
          { overlapSeconds: 1.5 },
        );
        expect(tooLong.status).toBe(400);
        await call(server(), 'DELETE', `/v1/erp/webhooks/${hook.id}`, manager);
      } finally {
        await receiver.close();
      }
    });

    it('a revoked key’s subscriptions get no new messages', async () => {
      const receiver = await startReceiver(() => ({ status: 204 }));
      try {
        const owner = (await server().admin(
          'api-key',
          '--name',
          uniqueId('erp'),
          '--scopes',
          'webhooks:manage,inventory:read',
        )) as { apiKey: { id: string; key: string } };
        const hook = await registerWebhook(server(), owner.apiKey.key, receiver.url);
        await server().admin('api-key', 'revoke', '--id', owner.apiKey.id);
        await changeItem(server());
        await pause(300);
        expect(receiver.received).toHaveLength(0);
        await call(server(), 'DELETE', `/v1/erp/webhooks/${hook.id}`, manager);
      } finally {
        await receiver.close();
      }
    });
  },
  { webhooks: testWebhookSettings() },
);
