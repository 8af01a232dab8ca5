import { randomUUID } from 'node:crypto';
import { sql, type Transaction } from 'kysely';
import type { Database } from '../db/schema';
import { jsonb, jsonRecords } from '../store/json';

/**
 * Endpoint `e` takes messages of `q.event_type`: by name (or `*` on a row written by hand before
 * 005), while the API key that registered it is neither revoked nor expired. Its event types were
 * bounded by that key's read scopes when it was registered or re-keyed.
 */
export const subscribes = sql<boolean>`((e.event_types @> jsonb_build_array(q.event_type) or e.event_types @> ${jsonb(['*'])})
  and (e.owner_key_id is null or exists (
    select 1 from api_keys k where k.id = e.owner_key_id and k.revoked_at is null
      and (k.expires_at is null or k.expires_at > now()))))`;

export interface WebhookMessage {
  eventType: string;
  payload: Record<string, unknown>;
}

/**
 * Written in the same transaction as the changes they announce: if the changes commit, their
 * deliveries exist; if they roll back, no webhook ever mentions them. One delivery row per
 * endpoint subscribed at that moment, in the order of `messages` (the worker sends by delivery
 * id); a message no endpoint subscribes to is not kept, since nothing would ever send or list it
 * (deliveries are made only here, never for endpoints registered later). One statement however
 * many messages: the outbox INSERT is a CTE of the delivery INSERT…SELECT (the deliveries'
 * foreign key is checked at the end of the statement, when the outbox rows exist), so a push of a
 * hundred documents is one round trip, not two hundred.
 */
export async function enqueueWebhooks(
  trx: Transaction<Database>,
  messages: readonly WebhookMessage[],
): Promise<void> {
  if (messages.length === 0) return;
  const rows = messages.map((m, ord) => ({
    ord,
    id: `msg_${randomUUID()}`,
    event_type: m.eventType,
    payload: m.payload,
  }));
  await trx
    .with('messages', (db) =>
      db
        .selectFrom(jsonRecords(rows, 'ord integer, id text, event_type text, payload jsonb', 'm'))
        .selectAll('m'),
    )
    .with('subscribed', (db) =>
      db
        .selectFrom(['messages as q', 'webhook_endpoints as e'])
        .select(['q.ord', 'q.id as outbox_id', 'e.id as endpoint_id'])
        .where('e.disabled_at', 'is', null)
        .where(subscribes),
    )
    .with('queued', (db) =>
      db
        .insertInto('outbox')
        .columns(['id', 'event_type', 'payload'])
        .expression((eb) =>
          eb
            .selectFrom('messages')
            .select(['id', 'event_type', 'payload'])
            .where('id', 'in', eb.selectFrom('subscribed').select('outbox_id')),
        ),
    )
    .insertInto('webhook_deliveries')
    .columns(['outbox_id', 'endpoint_id', 'status', 'attempts', 'next_attempt_at'])
    .expression((eb) =>
      eb
        .selectFrom('subscribed')
        .select([
          'outbox_id',
          'endpoint_id',
          sql.lit('pending').as('status'),
          sql.lit(0).as('attempts'),
          sql<Date>`now()`.as('next_attempt_at'),
        ])
        .orderBy('ord'),
    )
    .execute();
}

export async function enqueueWebhook(
  trx: Transaction<Database>,
  eventType: string,
  payload: Record<string, unknown>,
): Promise<void> {
  await enqueueWebhooks(trx, [{ eventType, payload }]);
}
