import type { Kysely } from 'kysely';

/** API keys may expire, and say when they were last rotated (issue 12: keys and tokens). */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('api_keys')
    .addColumn('expires_at', 'timestamptz')
    .addColumn('rotated_at', 'timestamptz')
    .execute();
}
