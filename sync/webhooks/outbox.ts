import { randomUUID } from 'node:crypto';
import { sql, type Transaction } from 'kysely';
import type { Database } from '../db/schema';
import { jsonb } from '../store/json';

/**
 * Written in the same transaction as the change it announces: if the change commits, its
 * deliveries exist; if it rolls back, no webhook ever mentions it. One delivery row per endpoint
 * subscribed at that moment.
 */
export async function enqueueWebhook(
  trx: Transaction<Database>,
  eventType: string,
  payload: Record<string, unknown>,
): Promise<void> {
  const id = `msg_${randomUUID()}`;
  await trx
    .insertInto('outbox')
    .values({ id, event_type: eventType, payload: jsonb(payload) })
    .execute();
  await trx
    .insertInto('webhook_deliveries')
    .columns(['outbox_id', 'endpoint_id', 'status', 'attempts', 'next_attempt_at'])
    .expression((eb) =>
      eb
        .selectFrom('webhook_endpoints')
        .select([
          sql.lit(id).as('outbox_id'),
          'id',
          sql.lit('pending').as('status'),
          sql.lit(0).as('attempts'),
          sql<Date>`now()`.as('next_attempt_at'),
        ])
        .where('disabled_at', 'is', null)
        .where((w) =>
          w.or([
            sql<boolean>`event_types @> ${jsonb([eventType])}`,
            sql<boolean>`event_types @> ${jsonb(['*'])}`,
          ]),
        ),
    )
    .execute();
}
