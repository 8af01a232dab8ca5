import { Migrator, sql, type Kysely, type Migration } from 'kysely';
import type { Database } from '../db/schema';
import * as initial from './001-initial';
import * as auditLog from './002-audit-log';
import * as webhooks from './003-webhooks';
import * as apiKeyExpiry from './004-api-key-expiry';
import * as webhookSecrets from './005-webhook-secrets';
import * as deviceTokenRenewal from './006-device-token-renewal';
import * as consoleAccounts from './008-console-accounts';
import * as exceptions from './009-exceptions';
import * as idempotencyAndApprovalPolicies from './010-idempotency-and-approval-policies';
import * as pcReports from './015-pc-reports';
import * as requestEscalations from './016-request-escalations';
import * as eventDayTotals from './018-event-day-totals';
import * as anomalyDecisions from './019-anomaly-decisions';
import * as usageDayTotals from './020-usage-day-totals';
import * as requestEscalationAuthors from './021-request-escalation-authors';
import * as centreBalances from './022-centre-balances';

/** Forward-only: a migration, once released, is never edited; the next change is a new file. */
const MIGRATIONS: Record<string, Migration> = {
  '001-initial': initial,
  '002-audit-log': auditLog,
  '003-webhooks': webhooks,
  '004-api-key-expiry': apiKeyExpiry,
  '005-webhook-secrets': webhookSecrets,
  '006-device-token-renewal': deviceTokenRenewal,
  '008-console-accounts': consoleAccounts,
  '009-exceptions': exceptions,
  '010-idempotency-and-approval-policies': idempotencyAndApprovalPolicies,
  '015-pc-reports': pcReports,
  '016-request-escalations': requestEscalations,
  '018-event-day-totals': eventDayTotals,
  '019-anomaly-decisions': anomalyDecisions,
  '020-usage-day-totals': usageDayTotals,
  '021-request-escalation-authors': requestEscalationAuthors,
  '022-centre-balances': centreBalances,
};

export async function migrateToLatest(db: Kysely<Database>): Promise<string[]> {
  // Without a schema Kysely's migrator takes a migration table in any schema of the database for
  // its own, then reads the one on the search path: endpoints (or test files) sharing a database
  // in schemas of their own would trip over each other's migration lock.
  const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(db);
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => MIGRATIONS },
    ...(rows[0]?.schema ? { migrationTableSchema: rows[0].schema } : {}),
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
