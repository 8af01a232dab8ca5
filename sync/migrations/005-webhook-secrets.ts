import { sql, type Kysely } from 'kysely';

/** The event types there were when this migration was written: `*` meant these. */
const EVENT_TYPES_THEN = [
  'delivery.changed',
  'integrity.alarm',
  'item.changed',
  'location.changed',
  'par_level.changed',
  'pending_item.changed',
  'recall_case.changed',
  'recall_notice.changed',
  'sign_in.recorded',
  'stock_event.recorded',
  'supply_request.changed',
  'user.changed',
];

/**
 * Webhooks after issue 12: server-made secrets sealed at rest (AES-256-GCM) with an overlap on
 * rotation, an owning API key whose read scopes bound the subscription, pause, and dead letters
 * that keep a failure class instead of the error text.
 *
 * Existing endpoints keep working. Their secrets were chosen by the caller and stored in plain
 * text: the key that seals them is not in the database, so this migration cannot seal them; the
 * endpoint seals them (and clears the plain text) when its webhook worker starts. They are marked
 * `needs_rekey` (the list route says so) because the caller chose them and they sat in plain text.
 * They have no owning key, so their subscriptions stay as they were (a `*` becomes the event types
 * it meant then) until re-keyed, which binds them to the re-keying key's read scopes.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('webhook_endpoints')
    .alterColumn('secret', (c) => c.dropNotNull())
    .execute();
  await db.schema
    .alterTable('webhook_endpoints')
    .addColumn('secret_sealed', 'text')
    .addColumn('secret_key_id', 'text')
    .addColumn('previous_secret_sealed', 'text')
    .addColumn('previous_secret_expires_at', 'timestamptz')
    .addColumn('secret_rotated_at', 'timestamptz')
    .addColumn('owner_key_id', 'text')
    .addColumn('paused_at', 'timestamptz')
    .addColumn('needs_rekey', 'boolean', (c) => c.notNull().defaultTo(false))
    .execute();
  await sql`update webhook_endpoints set needs_rekey = true`.execute(db);
  await sql`update webhook_endpoints set event_types = ${JSON.stringify(EVENT_TYPES_THEN)}::jsonb
            where event_types @> '["*"]'::jsonb`.execute(db);
  // The error text of past failures told an open port from a closed one: keep only its class.
  await sql`update webhook_deliveries set last_error = case
              when last_status between 300 and 399 then 'http_3xx'
              when last_status between 400 and 499 then 'http_4xx'
              when last_status between 500 and 599 then 'http_5xx'
              when last_error ilike '%timeout%' or last_error ilike '%abort%' then 'timeout'
              else 'connect_failed' end
            where last_error is not null`.execute(db);
}
