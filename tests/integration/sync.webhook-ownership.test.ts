import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import { signedInPerson } from './console-helpers/console-person';
import { describeOnBackends } from './sync-helpers/backends';
import { call, createApiKey } from './sync-helpers/devices';
import type { TestServer } from './sync-helpers/server';
import { registerWebhook } from './sync-helpers/webhook-flow';
import { testWebhookSettings } from './sync-helpers/webhook-settings';

/** A delivery to `endpointId` that failed for good, as the worker leaves one after its last try. */
async function deadLetterFor(server: TestServer, endpointId: string): Promise<number> {
  const db = server.database.db;
  const outboxId = randomUUID();
  await db
    .insertInto('outbox')
    .values({ id: outboxId, event_type: 'item.changed', payload: { id: 'ITM-X' } as never })
    .execute();
  const row = await db
    .insertInto('webhook_deliveries')
    .values({
      outbox_id: outboxId,
      endpoint_id: endpointId,
      status: 'dead',
      attempts: 8,
      next_attempt_at: new Date(),
    } as never)
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(row.id);
}

/**
 * Hostile-input audit: every key with webhooks:manage could list, pause, re-key (and so read the
 * new secret of), delete, and replay the dead letters of the endpoints another key registered.
 * A key now reaches only its own; another's answers 404 as one that does not exist.
 */
describeOnBackends(
  'webhooks: a key reaches only its own endpoints',
  'hookowner',
  (server) => {
    it("another key's endpoint is invisible and untouchable; its owner and the console keep it", async () => {
      const owner = await createApiKey(server(), ['webhooks:manage', 'inventory:read']);
      const intruder = await createApiKey(server(), ['webhooks:manage', 'inventory:read']);
      const hook = await registerWebhook(server(), owner, 'https://127.0.0.1:9/owner-hook');
      const own = await registerWebhook(server(), intruder, 'https://127.0.0.1:9/intruder-hook');
      const letter = await deadLetterFor(server(), hook.id);
      const sealedBefore = await server()
        .database.db.selectFrom('webhook_endpoints')
        .select(['secret_sealed', 'paused_at'])
        .where('id', '=', hook.id)
        .executeTakeFirstOrThrow();

      const listed = await call(server(), 'GET', '/v1/erp/webhooks', intruder);
      expect(listed.status).toBe(200);
      expect((listed.body as { webhooks: { id: string }[] }).webhooks.map((w) => w.id)).toEqual([
        own.id,
      ]);
      expect(JSON.stringify(listed.body)).not.toContain('owner-hook');
      const letters = await call(server(), 'GET', '/v1/erp/dead-letters', intruder);
      expect(letters).toMatchObject({ status: 200, body: { deadLetters: [] } });

      // Each act answers exactly as for an endpoint that does not exist.
      for (const [method, path, body] of [
        ['POST', `/v1/erp/webhooks/${hook.id}/pause`, undefined],
        ['POST', `/v1/erp/webhooks/${hook.id}/resume`, undefined],
        ['POST', `/v1/erp/webhooks/${hook.id}/rotate-secret`, { overlapSeconds: 0 }],
        ['DELETE', `/v1/erp/webhooks/${hook.id}`, undefined],
      ] as const) {
        const refused = await call(server(), method, path, intruder, body);
        const absent = await call(
          server(),
          method,
          path.replace(hook.id, 'WH-NONE'),
          intruder,
          body,
        );
        expect(refused.status, path).toBe(404);
        expect(refused.body, path).toMatchObject({ code: 'WEBHOOK_UNKNOWN' });
        expect(JSON.stringify(refused.body).replace(hook.id, 'WH-NONE')).toBe(
          JSON.stringify(absent.body),
        );
        expect(JSON.stringify(refused.body)).not.toMatch(/secret"|whsec_/);
      }
      const replay = await call(
        server(),
        'POST',
        `/v1/erp/dead-letters/${letter}/replay`,
        intruder,
      );
      expect(replay).toMatchObject({ status: 404, body: { code: 'DEAD_LETTER_UNKNOWN' } });

      // Nothing of the owner's changed: same secret, not paused, still there, letter still dead.
      const after = await server()
        .database.db.selectFrom('webhook_endpoints')
        .select(['secret_sealed', 'paused_at'])
        .where('id', '=', hook.id)
        .executeTakeFirstOrThrow();
      expect(after).toEqual(sealedBefore);
      const mine = await call(server(), 'GET', '/v1/erp/webhooks', owner);
      expect((mine.body as { webhooks: { id: string }[] }).webhooks.map((w) => w.id)).toEqual([
        hook.id,
      ]);
      const ownLetters = await call(server(), 'GET', '/v1/erp/dead-letters', owner);
      expect(ownLetters.body).toMatchObject({ deadLetters: [{ id: letter, webhookId: hook.id }] });

      // The console administrator sees every endpoint and every dead letter.
      const admin = await signedInPerson(server(), 'admin');
      const all = await admin.request('GET', '/v1/admin/webhooks');
      expect((all.body.webhooks as { id: string }[]).map((w) => w.id)).toEqual(
        expect.arrayContaining([hook.id, own.id]),
      );
      const allLetters = await admin.request('GET', '/v1/admin/dead-letters');
      expect(allLetters.body.deadLetters).toEqual(
        expect.arrayContaining([expect.objectContaining({ id: letter })]),
      );

      // The owner still acts on its own.
      expect(
        await call(server(), 'POST', `/v1/erp/dead-letters/${letter}/replay`, owner),
      ).toMatchObject({ status: 202 });
      expect(
        await call(server(), 'POST', `/v1/erp/webhooks/${hook.id}/pause`, owner),
      ).toMatchObject({
        status: 200,
        body: { id: hook.id, state: 'paused' },
      });
      const rotated = await call(
        server(),
        'POST',
        `/v1/erp/webhooks/${hook.id}/rotate-secret`,
        owner,
      );
      expect(rotated).toMatchObject({ status: 200, body: { id: hook.id } });
      expect(await call(server(), 'DELETE', `/v1/erp/webhooks/${hook.id}`, owner)).toMatchObject({
        status: 200,
        body: { deleted: hook.id },
      });
    });
  },
  { webhooks: testWebhookSettings() },
);
