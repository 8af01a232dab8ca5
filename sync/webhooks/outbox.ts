import { randomUUID } from 'node:crypto';
import { sql, type Transaction } from 'kysely';
import type { Database } from '../db/schema';
import { jsonb, textArray } from '../store/json';

export interface WebhookMessage {
  eventType: string;
  payload: Record<string, unknown>;
}

/**
 * Written in the same transaction as the changes they announce: if the changes commit, their
 * deliveries exist; if they roll back, no webhook ever mentions them. One delivery row per
 * endpoint subscribed at that moment, in the order of `messages` (the worker sends by delivery
 * id). Two statements however many messages: a push of a hundred documents is one outbox INSERT
 * and one delivery INSERT…SELECT, not two hundred round trips.
 */
export async function enqueueWebhooks(
  trx: Transaction<Database>,
  messages: readonly WebhookMessage[],
): Promise<void> {
  if (messages.length === 0) return;
  const rows = messages.map((m) => ({
    id: `msg_${randomUUID()}`,
    event_type: m.eventType,
    payload: jsonb(m.payload),
  }));
  await trx.insertInto('outbox').values(rows).execute();
  const queued = sql<{ outbox_id: string; event_type: string; ord: number }>`(
    select * from unnest(${textArray(rows.map((r) => r.id))}, ${textArray(rows.map((r) => r.event_type))})
      with ordinality as queued(outbox_id, event_type, ord))`;
  await trx
    .insertInto('webhook_deliveries')
    .columns(['outbox_id', 'endpoint_id', 'status', 'attempts', 'next_attempt_at'])
    .expression((eb) =>
      eb
        .selectFrom([queued.as('q'), 'webhook_endpoints as e'])
        .select([
          'q.outbox_id',
          'e.id',
          sql.lit('pending').as('status'),
          sql.lit(0).as('attempts'),
          sql<Date>`now()`.as('next_attempt_at'),
        ])
        .where('e.disabled_at', 'is', null)
        .where((w) =>
          w.or([
            sql<boolean>`e.event_types @> jsonb_build_array(q.event_type)`,
            sql<boolean>`e.event_types @> ${jsonb(['*'])}`,
          ]),
        )
        .orderBy('q.ord'),
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
