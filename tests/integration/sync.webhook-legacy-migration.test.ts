import { Migrator, sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../sync/db/connect';
import { migrateToLatest } from '../../sync/migrations';
import * as initial from '../../sync/migrations/001-initial';
import * as auditLog from '../../sync/migrations/002-audit-log';
import * as webhooks from '../../sync/migrations/003-webhooks';
import * as apiKeyExpiry from '../../sync/migrations/004-api-key-expiry';
import { signWebhook } from '../../sync/webhooks/sign';
import { startWebhookWorker } from '../../sync/webhooks/worker';
import { postgresAvailable } from './sync-helpers/backends';
import { call, createApiKey } from './sync-helpers/devices';
import { startReceiver, type Received } from './sync-helpers/receiver';
import { dropSchema, startServerOn, testSchema, type Backend } from './sync-helpers/server';
import { waitFor } from './sync-helpers/wait';
import { changeItem } from './sync-helpers/webhook-flow';
import { FAST_WORKER, signedWith, testWebhookSettings } from './sync-helpers/webhook-settings';

const LEGACY_SECRET = 'legacy-secret-chosen-by-the-erp';

function signedWithPlain(secret: string, message: Received): boolean {
  const expected = signWebhook(
    secret,
    String(message.headers['webhook-id']),
    Number(message.headers['webhook-timestamp']),
    message.body,
  );
  return String(message.headers['webhook-signature']).split(' ').includes(expected);
}

// PostgreSQL only: the PGlite template the other suites copy is already migrated, and a fresh
// in-memory PGlite spends ~20 s in initdb on these machines. The migration's SQL is plain.
for (const backend of ['postgres'] as Backend[]) {
  describe.skipIf(!postgresAvailable)(
    `sync: webhooks registered before migration 005 [${backend}]`,
    () => {
      it('keep delivering, are sealed when the worker starts, flagged for re-key, and bound to the re-keying key', async () => {
        const schema = testSchema('hooklegacy');
        const database = await openDatabase({ databaseUrl: process.env['DATABASE_URL'], schema });
        const receiver = await startReceiver(() => ({ status: 204 }));
        const settings = testWebhookSettings();
        try {
          const { rows } = await sql<{ s: string }>`select current_schema() as s`.execute(
            database.db,
          );
          const old = new Migrator({
            db: database.db,
            provider: {
              getMigrations: async () => ({
                '001-initial': initial,
                '002-audit-log': auditLog,
                '003-webhooks': webhooks,
                '004-api-key-expiry': apiKeyExpiry,
              }),
            },
            migrationTableSchema: rows[0]!.s,
          });
          expect((await old.migrateToLatest()).error).toBeUndefined();
          const db = database.db;
          await sql`insert into webhook_endpoints (id, url, secret, event_types)
                    values ('WH-OLD', ${receiver.url}, ${LEGACY_SECRET}, '["*"]'::jsonb)`.execute(
            db,
          );
          await sql`insert into outbox (id, event_type, payload) values ('msg_old', 'item.changed', '{}'::jsonb)`.execute(
            db,
          );
          await sql`insert into webhook_deliveries (outbox_id, endpoint_id, status, attempts, next_attempt_at, last_status, last_error)
                    values ('msg_old', 'WH-OLD', 'dead', 8, now(), null, 'TypeError: fetch failed (connect ECONNREFUSED 10.0.0.5:6379)'),
                           ('msg_old', 'WH-OLD', 'dead', 8, now(), 503, 'receiver answered 503')`.execute(
            db,
          );

          // 005 first; later migrations follow it.
          expect((await migrateToLatest(db))[0]).toBe('005-webhook-secrets');
          const migrated = await db
            .selectFrom('webhook_endpoints')
            .selectAll()
            .where('id', '=', 'WH-OLD')
            .executeTakeFirstOrThrow();
          expect(migrated).toMatchObject({ needs_rekey: true, secret: LEGACY_SECRET });
          expect(migrated.event_types).toContain('user.changed');
          expect(migrated.event_types).not.toContain('*');
          const dead = await db
            .selectFrom('webhook_deliveries')
            .select(['last_error'])
            .orderBy('id')
            .execute();
          expect(dead.map((d) => d.last_error)).toEqual(['connect_failed', 'http_5xx']);

          const server = await startServerOn(backend, database, { webhooks: settings });
          const worker = startWebhookWorker(db, server.app.log, settings, FAST_WORKER);
          try {
            const sealed = await waitFor(() =>
              db
                .selectFrom('webhook_endpoints')
                .selectAll()
                .where('id', '=', 'WH-OLD')
                .where('secret', 'is', null)
                .executeTakeFirst(),
            );
            expect(sealed.secret_sealed).toMatch(/^v1\./);
            expect(JSON.stringify(sealed)).not.toContain(LEGACY_SECRET);
            const manager = await createApiKey(server as never, [
              'webhooks:manage',
              'inventory:read',
            ]);
            const list = await call(server as never, 'GET', '/v1/erp/webhooks', manager);
            expect(list.body).toMatchObject({
              webhooks: [{ id: 'WH-OLD', needsRekey: true, ownerKey: null, state: 'active' }],
            });
            expect(JSON.stringify(list.body)).toContain('Re-key it');

            await changeItem(server as never);
            await waitFor(() => receiver.received.length === 1);
            expect(signedWithPlain(LEGACY_SECRET, receiver.received[0]!)).toBe(true);

            const bare = await createApiKey(server as never, ['webhooks:manage']);
            const refused = await call(
              server as never,
              'POST',
              '/v1/erp/webhooks/WH-OLD/rotate-secret',
              bare,
            );
            expect(refused.status).toBe(403);
            const rotated = await call(
              server as never,
              'POST',
              '/v1/erp/webhooks/WH-OLD/rotate-secret',
              manager,
              { overlapSeconds: 600 },
            );
            expect(rotated.status).toBe(200);
            const fresh = rotated.body as { secret: string; eventTypes: string[] };
            expect(fresh.eventTypes.sort()).toEqual([
              'delivery.changed',
              'item.changed',
              'location.changed',
              'par_level.changed',
              'pending_item.changed',
            ]);
            const after = await call(server as never, 'GET', '/v1/erp/webhooks', manager);
            expect(after.body).toMatchObject({
              webhooks: [{ id: 'WH-OLD', needsRekey: false, warning: null }],
            });
            await changeItem(server as never);
            await waitFor(() => receiver.received.length === 2);
            const overlapped = receiver.received[1]!;
            expect(signedWith(fresh.secret, overlapped)).toBe(true);
            expect(signedWithPlain(LEGACY_SECRET, overlapped)).toBe(true);
          } finally {
            await worker.stop();
            await server.stop();
          }
        } finally {
          await receiver.close();
          await database.close();
          await dropSchema(schema);
        }
      }, 60_000);
    },
  );
}
