import { sql, type Kysely } from 'kysely';

/**
 * Device tokens expire and are renewed while the device syncs (issue 12, keys and tokens).
 * `token_issued_at` says when the current token was handed out; a token replaced by a renewal
 * stays usable for a short overlap in `device_token_overlap`, so a PC whose renewal answer was lost
 * is not locked out.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('devices')
    .addColumn('token_issued_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createTable('device_token_overlap')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('device_id', 'text', (c) => c.notNull().references('devices.id'))
    .addColumn('valid_until', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('device_token_overlap_device')
    .on('device_token_overlap')
    .column('device_id')
    .execute();
}
