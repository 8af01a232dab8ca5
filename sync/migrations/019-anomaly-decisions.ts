import { sql, type Kysely } from 'kysely';

/**
 * Decisions on usage anomaly flags made on stockroom PCs (issue 16): one row per flag, keyed by
 * the flag's id, so a second PC's different decision on the same flag is refused, not stored.
 * The record itself is kept whole (`doc`) for the facility's PCs to read back.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('anomaly_decisions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('facility_id', 'text', (c) => c.notNull())
    .addColumn('device_id', 'text', (c) => c.notNull())
    .addColumn('flag_date', 'text', (c) => c.notNull())
    .addColumn('decision', 'text', (c) =>
      c.notNull().check(sql`decision in ('confirmed', 'dismissed')`),
    )
    .addColumn('decided_by', 'text', (c) => c.notNull())
    .addColumn('doc', 'jsonb', (c) => c.notNull())
    .addColumn('recorded_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex('anomaly_decisions_facility_date')
    .on('anomaly_decisions')
    .columns(['facility_id', 'flag_date'])
    .execute();
}
