import type { Kysely } from 'kysely';

/**
 * A buyer may escalate a request to the ERP by hand (shared/console/request-escalation.ts): the
 * ERP rung then says who took it and why, so the next buyer and the ERP read it. Rungs the clock
 * reached keep both empty. The rung's key is unchanged, so the clock's sweep finds a rung taken by
 * hand and sends no second webhook.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('request_escalations')
    .addColumn('escalated_by', 'text')
    .addColumn('reason', 'text')
    .execute();
}
