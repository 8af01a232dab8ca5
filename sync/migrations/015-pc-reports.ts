import type { Kysely } from 'kysely';

/**
 * What each stockroom PC reports on its replication calls (shared/console/pc-report.ts): its app
 * version and the documents it holds that have not reached the centre, for the console's PC list.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('devices')
    .addColumn('app_version', 'text')
    .addColumn('documents_waiting', 'integer')
    .addColumn('reported_at', 'timestamptz')
    .execute();
}
