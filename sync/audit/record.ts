import { sql, type Kysely, type QueryCreator } from 'kysely';
import type { Database } from '../db/schema';
import { storableText } from '../http/storable-text';
import { jsonb } from '../store/json';
import { consoleNoticeCall } from '../store/notify';

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

/**
 * A logged value with every NUL and lone surrogate replaced by U+FFFD, in names and text at any
 * depth. A caller's hostile input is exactly what the log must keep a trace of, and one such
 * character made the database refuse the whole line, which was then lost.
 */
export function storableValue(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return storableText(value);
  // Deeper than any detail a route writes; what lies below is summarised, never a stack overflow.
  if (depth > 32) return '\u2026';
  if (Array.isArray(value)) return value.map((v) => storableValue(v, depth + 1));
  if (typeof value === 'object' && value !== null && !(value instanceof Date)) {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [storableText(k), storableValue(v, depth + 1)]),
    );
  }
  return value;
}

/** Appends one line; the table's trigger makes sure nothing ever edits or removes it. */
export async function recordAudit(db: Kysely<Database>, entry: AuditEntry): Promise<void> {
  await auditInsert(db, entry).execute();
}

/**
 * Appends one line and tells every console's live stream, in one statement: inside a writer's
 * transaction the line commits with the write it records (and the notice is sent on that commit),
 * for one round trip and no commit of its own.
 */
export async function recordAuditNoticed(db: Kysely<Database>, entry: AuditEntry): Promise<void> {
  await db
    .with('line', () => auditInsert(db, entry).returning(sql<number>`1`.as('one')))
    .selectFrom('line')
    .select(consoleNoticeCall().as('sent'))
    .execute();
}

/** The insert of one audit line, for a statement that writes it along with other work. */
export function auditInsert(db: QueryCreator<Database>, entry: AuditEntry) {
  const text = (value: string | null) => (value === null ? null : storableText(value));
  return db.insertInto('audit_log').values({
    actor_type: storableText(entry.actorType),
    actor_id: storableText(entry.actorId),
    ip: text(entry.ip),
    action: storableText(entry.action),
    target: text(entry.target),
    outcome: entry.outcome,
    status: entry.status,
    detail: entry.detail ? jsonb(storableValue(entry.detail)) : null,
  });
}
