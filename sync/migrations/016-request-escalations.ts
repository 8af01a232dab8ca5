import { sql, type Kysely } from 'kysely';

/**
 * Each rung of the escalation ladder a request has reached at the centre (issue 15), keyed by the
 * request, its clock and the rung: the sweep inserts a rung once, on any endpoint process, and
 * sends the ERP its webhook only when its own insert made the row, so nothing happens twice.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('request_escalations')
    .addColumn('request_id', 'text', (c) => c.notNull())
    .addColumn('clock', 'text', (c) => c.notNull().check(sql`clock in ('acknowledge', 'deliver')`))
    .addColumn('rung', 'text', (c) => c.notNull())
    .addColumn('facility_id', 'text', (c) => c.notNull())
    .addColumn('reached_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('request_escalations_pk', ['request_id', 'clock', 'rung'])
    .execute();
}
