import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { jsonb } from '../store/json';

export interface AuditEntry {
  actorType: string;
  actorId: string;
  ip: string | null;
  action: string;
  target: string | null;
  outcome: 'accepted' | 'refused' | 'failed' | 'alarm';
  status: number | null;
  detail?: Record<string, unknown> | null;
}

/** Appends one line; the table's trigger makes sure nothing ever edits or removes it. */
export async function recordAudit(db: Kysely<Database>, entry: AuditEntry): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      actor_type: entry.actorType,
      actor_id: entry.actorId,
      ip: entry.ip,
      action: entry.action,
      target: entry.target,
      outcome: entry.outcome,
      status: entry.status,
      detail: entry.detail ? jsonb(entry.detail) : null,
    })
    .execute();
}
