import { sql, type Expression, type Kysely, type SqlBool } from 'kysely';
import type { WebhookView } from '../../shared/console/api-shapes';
import type { ApiKeyActor } from '../auth/api-key-auth';
import { newId } from '../auth/secrets';
import type { Database } from '../db/schema';
import { HttpError } from '../http/errors';
import { jsonb } from '../store/json';
import { checkDestination, RefusedDestination } from './destination';
import { EVENT_READ_SCOPES, readableEventTypes } from './event-scopes';
import { WEBHOOK_EVENT_TYPES } from './event-types';
import { newWebhookSecret, openSecret, sealSecret, SecretUnreadable } from './secret-box';
import type { WebhookSettings } from './settings';

const SHOWN_ONCE =
  'The secret is shown only now; store it safely. Verify each delivery with it (Standard Webhooks).';
export const DEFAULT_OVERLAP_SECONDS = 24 * 60 * 60;

export type { WebhookView };

const LEGACY_WARNING =
  'Registered before server-made secrets: its secret was chosen by the caller and was stored in plain text, and no key bounds what it receives. Re-key it (POST /v1/erp/webhooks/{id}/rotate-secret) with a key holding the read scopes it needs.';

/**
 * Whose endpoints a caller reaches. An ERP key reaches the endpoints it registered, plus the
 * unclaimed ones registered before 005 (no owner yet: the key that re-keys one becomes its owner,
 * which is how they migrate); another key's endpoint answers 404, as one that does not exist, so
 * its existence does not leak. The console's admin routes pass nothing: the administrator sees
 * and manages every endpoint.
 */
export type WebhookReach = { ownerKeyId: string } | undefined;

/** The `where` of a reach; `column` names `owner_key_id` as the query has it. */
export function reachable(reach: WebhookReach, column = 'owner_key_id'): Expression<SqlBool> {
  if (reach === undefined) return sql<SqlBool>`true`;
  return sql<SqlBool>`(${sql.ref(column)} = ${reach.ownerKeyId} or ${sql.ref(column)} is null)`;
}

function unknownWebhook(id: string): HttpError {
  return new HttpError(404, 'WEBHOOK_UNKNOWN', `There is no webhook "${id}".`);
}

function scopeProblem(types: readonly string[]): HttpError {
  const needed = [...new Set(types.map((t) => EVENT_READ_SCOPES[t]))].join(', ');
  return new HttpError(
    403,
    'SCOPE_MISSING',
    `This API key may not read ${types.join(', ')}: a subscription reaches only what its key may read (needs ${needed}).`,
    [{ field: 'eventTypes', message: `needs the scope ${needed}` }],
  );
}

/** The event types asked for, as the key may have them: `*` is everything the key may read. */
export function subscribedTypes(asked: readonly string[], scopes: readonly string[]): string[] {
  const unknown = asked.filter((t) => t !== '*' && !WEBHOOK_EVENT_TYPES.includes(t));
  if (unknown.length > 0) {
    throw new HttpError(
      400,
      'EVENT_TYPE_UNKNOWN',
      `Unknown event type ${unknown.join(', ')}; known: ${WEBHOOK_EVENT_TYPES.join(', ')}.`,
      [{ field: 'eventTypes', message: `unknown: ${unknown.join(', ')}` }],
    );
  }
  const readable = readableEventTypes(scopes);
  const refused = asked.filter((t) => t !== '*' && !readable.includes(t));
  if (refused.length > 0) throw scopeProblem(refused);
  const types = asked.includes('*') ? readable : readable.filter((t) => asked.includes(t));
  if (types.length === 0) {
    throw new HttpError(
      403,
      'SCOPE_MISSING',
      `This API key may read no event type; give it a read scope (${[...new Set(Object.values(EVENT_READ_SCOPES))].join(', ')}).`,
      [{ field: 'eventTypes', message: 'the key may read none of these' }],
    );
  }
  return types;
}

export async function createWebhook(
  db: Kysely<Database>,
  settings: WebhookSettings,
  key: ApiKeyActor,
  input: { url: string; eventTypes: string[] },
) {
  const eventTypes = subscribedTypes(input.eventTypes, key.scopes);
  let url: URL;
  try {
    url = await checkDestination(input.url, settings.destinations);
  } catch (error) {
    if (!(error instanceof RefusedDestination)) throw error;
    throw new HttpError(400, 'URL_REFUSED', `url: ${error.message}`, [
      { field: 'url', message: error.message },
    ]);
  }
  const id = newId('WH');
  const secret = newWebhookSecret();
  const { sealed, keyId } = sealSecret(settings.keyring, secret, id);
  await db
    .insertInto('webhook_endpoints')
    .values({
      id,
      url: url.href,
      secret: null,
      secret_sealed: sealed,
      secret_key_id: keyId,
      event_types: jsonb(eventTypes),
      owner_key_id: key.id,
    })
    .execute();
  return { id, url: url.href, eventTypes, secret, note: SHOWN_ONCE };
}

export async function listWebhooks(
  db: Kysely<Database>,
  reach?: WebhookReach,
): Promise<WebhookView[]> {
  const rows = await db
    .selectFrom('webhook_endpoints as e')
    .leftJoin('api_keys as k', 'k.id', 'e.owner_key_id')
    .select([
      'e.id',
      'e.url',
      'e.event_types',
      'e.owner_key_id',
      'k.name as owner_name',
      'e.created_at',
      'e.paused_at',
      'e.disabled_at',
      'e.disabled_reason',
      'e.secret_rotated_at',
      'e.previous_secret_expires_at',
      'e.needs_rekey',
      sql<string>`(select count(*) from webhook_deliveries d where d.endpoint_id = e.id and d.status in ('pending', 'in-flight'))`.as(
        'pending',
      ),
      sql<string>`(select count(*) from webhook_deliveries d where d.endpoint_id = e.id and d.status = 'dead')`.as(
        'dead',
      ),
    ])
    .where(reachable(reach, 'e.owner_key_id'))
    .orderBy('e.created_at')
    .orderBy('e.id')
    .execute();
  const now = Date.now();
  return rows.map((r) => ({
    id: r.id,
    url: r.url,
    eventTypes: r.event_types,
    ownerKey: r.owner_key_id ? { id: r.owner_key_id, name: r.owner_name } : null,
    state: r.disabled_at ? 'disabled' : r.paused_at ? 'paused' : 'active',
    createdAt: r.created_at.toISOString(),
    pausedAt: r.paused_at?.toISOString() ?? null,
    disabledAt: r.disabled_at?.toISOString() ?? null,
    disabledReason: r.disabled_reason,
    secretRotatedAt: r.secret_rotated_at?.toISOString() ?? null,
    previousSecretExpiresAt:
      r.previous_secret_expires_at && r.previous_secret_expires_at.getTime() > now
        ? r.previous_secret_expires_at.toISOString()
        : null,
    needsRekey: r.needs_rekey,
    warning: r.needs_rekey ? LEGACY_WARNING : null,
    pending: Number(r.pending),
    dead: Number(r.dead),
  }));
}

export async function findWebhook(
  db: Kysely<Database>,
  id: string,
  reach?: WebhookReach,
): Promise<WebhookView> {
  const found = (await listWebhooks(db, reach)).find((w) => w.id === id);
  if (!found) throw unknownWebhook(id);
  return found;
}

/** Paused: messages are still queued for it, and held until it is resumed. */
export async function pauseWebhook(
  db: Kysely<Database>,
  id: string,
  reach?: WebhookReach,
): Promise<WebhookView> {
  const paused = await db
    .updateTable('webhook_endpoints')
    .set({ paused_at: sql<Date>`coalesce(paused_at, now())` })
    .where('id', '=', id)
    .where(reachable(reach))
    .returning('id')
    .executeTakeFirst();
  if (!paused) throw unknownWebhook(id);
  return findWebhook(db, id, reach);
}

/** Active again, whether paused by the ERP or disabled by a 410 answer. */
export async function resumeWebhook(
  db: Kysely<Database>,
  id: string,
  reach?: WebhookReach,
): Promise<WebhookView> {
  const resumed = await db
    .updateTable('webhook_endpoints')
    .set({ paused_at: null, disabled_at: null, disabled_reason: null })
    .where('id', '=', id)
    .where(reachable(reach))
    .returning('id')
    .executeTakeFirst();
  if (!resumed) throw unknownWebhook(id);
  return findWebhook(db, id, reach);
}

/** Removes the endpoint and every delivery queued or dead-lettered for it. */
export async function deleteWebhook(
  db: Kysely<Database>,
  id: string,
  reach?: WebhookReach,
): Promise<{ deleted: string }> {
  return db.transaction().execute(async (trx) => {
    const held = await trx
      .selectFrom('webhook_endpoints')
      .select('id')
      .where('id', '=', id)
      .where(reachable(reach))
      .forUpdate()
      .executeTakeFirst();
    if (!held) throw unknownWebhook(id);
    await trx.deleteFrom('webhook_deliveries').where('endpoint_id', '=', id).execute();
    const deleted = await trx
      .deleteFrom('webhook_endpoints')
      .where('id', '=', id)
      .returning('id')
      .executeTakeFirst();
    if (!deleted) throw unknownWebhook(id);
    return { deleted: deleted.id };
  });
}

/**
 * A new server-made secret. For `overlapSeconds` the old one signs too (each delivery carries both
 * signatures), so the receiver can switch without losing a message. An endpoint registered before
 * 005 is bound to the re-keying key here: its subscription narrows to what that key may read.
 */
export async function rotateWebhookSecret(
  db: Kysely<Database>,
  settings: WebhookSettings,
  key: ApiKeyActor,
  input: { id: string; overlapSeconds: number },
  reach?: WebhookReach,
) {
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('webhook_endpoints')
      .selectAll()
      .where('id', '=', input.id)
      .where(reachable(reach))
      .forUpdate()
      .executeTakeFirst();
    if (!row) throw unknownWebhook(input.id);
    let eventTypes = row.event_types;
    if (!row.owner_key_id) {
      const readable = readableEventTypes(key.scopes);
      eventTypes = eventTypes.filter((t) => readable.includes(t));
      if (eventTypes.length === 0) throw scopeProblem(row.event_types);
    }
    let old: string | null = row.secret;
    if (row.secret_sealed) {
      try {
        old = openSecret(settings.keyring, row.secret_sealed, row.id);
      } catch (error) {
        if (!(error instanceof SecretUnreadable)) throw error;
        old = null; // unreadable here: nothing to overlap with
      }
    }
    const overlapping = old !== null && input.overlapSeconds > 0;
    const secret = newWebhookSecret();
    const sealed = sealSecret(settings.keyring, secret, row.id);
    const previousExpiresAt = overlapping
      ? new Date(Date.now() + input.overlapSeconds * 1000)
      : null;
    await trx
      .updateTable('webhook_endpoints')
      .set({
        secret: null,
        secret_sealed: sealed.sealed,
        secret_key_id: sealed.keyId,
        previous_secret_sealed:
          overlapping && old !== null ? sealSecret(settings.keyring, old, row.id).sealed : null,
        previous_secret_expires_at: previousExpiresAt,
        secret_rotated_at: new Date(),
        needs_rekey: false,
        owner_key_id: row.owner_key_id ?? key.id,
        event_types: jsonb(eventTypes),
      })
      .where('id', '=', row.id)
      .execute();
    return {
      id: row.id,
      url: row.url,
      eventTypes,
      secret,
      previousSecretExpiresAt: previousExpiresAt?.toISOString() ?? null,
      note: overlapping
        ? `${SHOWN_ONCE} Until ${previousExpiresAt?.toISOString()} each delivery is signed with both the new and the old secret.`
        : SHOWN_ONCE,
    };
  });
}
