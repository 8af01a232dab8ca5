import type { Selectable } from 'kysely';
import type { AuditEntry } from '../../shared/console';
import type { AuditLogTable } from '../db/schema';

/** An audit row as every reader answers it: the ERP's audit route and the console's search. */
export function auditEntryOf(row: Selectable<AuditLogTable>): AuditEntry {
  return {
    id: Number(row.id),
    at: row.at.toISOString(),
    actorType: row.actor_type,
    actorId: row.actor_id,
    ip: row.ip,
    action: row.action,
    target: row.target,
    outcome: row.outcome,
    status: row.status,
    detail: row.detail,
  };
}
