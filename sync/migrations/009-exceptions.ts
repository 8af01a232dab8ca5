import { sql, type Kysely } from 'kysely';

/**
 * The console's exceptions queue (issue 14). The conditions themselves (alarms, refused pushes,
 * gaps, dead letters...) are already stored where they happen; these tables hold only what people
 * did about them, keyed by the condition's stable id: who owns it, whether it is resolved, and
 * every step with its comment. Also each API key's last position in the ERP events feed.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('exceptions')
    .addColumn('condition_id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('facility_id', 'text')
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('detected_at', 'timestamptz', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull().check(sql`state in ('owned', 'resolved')`))
    .addColumn('owner', 'text')
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createTable('exception_steps')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('condition_id', 'text', (c) =>
      c.notNull().references('exceptions.condition_id').onDelete('cascade'),
    )
    .addColumn('step', 'text', (c) => c.notNull().check(sql`step in ('taken', 'resolved')`))
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('comment', 'text')
    .execute();
  await db.schema
    .createIndex('exception_steps_condition')
    .on('exception_steps')
    .columns(['condition_id', 'id'])
    .execute();
  await db.schema
    .createTable('api_key_feed_positions')
    .addColumn('key_id', 'text', (c) => c.primaryKey())
    .addColumn('position', 'bigint', (c) => c.notNull())
    .addColumn('read_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
}
