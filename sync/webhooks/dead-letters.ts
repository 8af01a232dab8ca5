import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { HttpError } from '../http/errors';
import { reachable, type WebhookReach } from './endpoints';

export interface DeadLetterView {
  id: number;
  messageId: string;
  webhookId: string;
  eventType: string;
  url: string;
  attempts: number;
  lastStatus: number | null;
  lastError: string | null;
  failedAt: string;
}

/**
 * Deliveries that failed their last attempt, oldest first; read by the ERP API (a key's own
 * endpoints' letters, `reach`) and the console (all of them).
 */
export async function listDeadLetters(
  db: Kysely<Database>,
  reach?: WebhookReach,
): Promise<DeadLetterView[]> {
  const rows = await db
    .selectFrom('webhook_deliveries as d')
    .innerJoin('outbox as o', 'o.id', 'd.outbox_id')
    .innerJoin('webhook_endpoints as e', 'e.id', 'd.endpoint_id')
    .select([
      'd.id',
      'd.outbox_id',
      'd.endpoint_id',
      'o.event_type',
      'e.url',
      'd.attempts',
      'd.last_status',
      'd.last_error',
      'd.updated_at',
    ])
    .where('d.status', '=', 'dead')
    .where(reachable(reach, 'e.owner_key_id'))
    .orderBy('d.id')
    .limit(1000)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    messageId: r.outbox_id,
    webhookId: r.endpoint_id,
    eventType: r.event_type,
    url: r.url,
    attempts: r.attempts,
    lastStatus: r.last_status,
    lastError: r.last_error,
    failedAt: r.updated_at.toISOString(),
  }));
}

/** Sends a dead letter again from a fresh attempt count; 404 when `id` is not (or no longer) dead. */
export async function replayDeadLetter(
  db: Kysely<Database>,
  id: number,
  reach?: WebhookReach,
): Promise<number> {
  const replayed = await db
    .updateTable('webhook_deliveries')
    .set({ status: 'pending', attempts: 0, next_attempt_at: new Date(), updated_at: new Date() })
    .where('id', '=', id)
    .where('status', '=', 'dead')
    .where('endpoint_id', 'in', (eb) =>
      eb
        .selectFrom('webhook_endpoints')
        .select('webhook_endpoints.id')
        .where(reachable(reach, 'webhook_endpoints.owner_key_id')),
    )
    .returning('id')
    .executeTakeFirst();
  if (!replayed) throw new HttpError(404, 'DEAD_LETTER_UNKNOWN', `There is no dead letter ${id}.`);
  return replayed.id;
}
