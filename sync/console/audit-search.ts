import { sql, type Kysely } from 'kysely';
import { auditRangeReversed, type AuditEntry, type AuditSearch } from '../../shared/console';
import type { Database } from '../db/schema';
import { auditEntryOf } from '../audit/audit-entry';
import { HttpError } from '../http/errors';

/** The range refused for every client of the search: the console, the CSV export, a script. */
export function refuseReversedRange(since: string | undefined, until: string | undefined): void {
  if (!auditRangeReversed(since, until)) return;
  throw new HttpError(
    400,
    'AUDIT_RANGE_REVERSED',
    `Nothing was searched: since (${since}) is not before until (${until}), so no line could match. Swap them, or leave one out.`,
    [{ field: 'since', message: 'must be before until' }],
  );
}

/** A typed fragment is matched literally: %, _ and \ lose their LIKE meaning. */
function contains(fragment: string): string {
  return `%${fragment.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * The audit log searched as the console asks: who, what, when, facility, device, address and
 * outcome, newest first, paged by id. A facility matches lines that name it and lines written by
 * its PCs; a device, lines it wrote and lines that name it.
 */
export async function searchAudit(
  db: Kysely<Database>,
  q: AuditSearch,
  maxRows: number,
): Promise<AuditEntry[]> {
  refuseReversedRange(q.since, q.until);
  let query = db.selectFrom('audit_log').selectAll();
  if (q.before) query = query.where('id', '<', q.before);
  if (q.who) query = query.where('actor_id', 'ilike', contains(q.who));
  if (q.what) query = query.where('action', 'ilike', contains(q.what));
  if (q.outcome) query = query.where('outcome', '=', q.outcome);
  if (q.since) query = query.where('at', '>=', new Date(q.since));
  if (q.until) query = query.where('at', '<', new Date(q.until));
  if (q.address)
    query = query.where('ip', 'like', `${q.address.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  if (q.facility) {
    const facility = q.facility;
    query = query.where((w) =>
      w.or([
        w('target', 'ilike', contains(facility)),
        w(sql`detail::text`, 'ilike', contains(facility)),
        w.and([
          w('actor_type', '=', 'device'),
          w(
            'actor_id',
            'in',
            w
              .selectFrom('devices')
              .select('devices.id')
              .where('devices.facility_id', '=', facility),
          ),
        ]),
      ]),
    );
  }
  if (q.device) {
    const device = q.device;
    query = query.where((w) =>
      w.or([
        w.and([w('actor_type', '=', 'device'), w('actor_id', '=', device)]),
        w('target', 'ilike', contains(device)),
        w(sql`detail::text`, 'ilike', contains(device)),
      ]),
    );
  }
  const rows = await query
    .orderBy('id', 'desc')
    .limit(Math.min(q.limit ?? maxRows, maxRows))
    .execute();
  return rows.map(auditEntryOf);
}

const CSV_COLUMNS = [
  'id',
  'at',
  'actorType',
  'actorId',
  'ip',
  'action',
  'target',
  'outcome',
  'status',
  'detail',
] as const;

/**
 * RFC 4180 quoting, and a cell that a spreadsheet would run as a formula (= + - @, tab, CR)
 * gets a leading apostrophe: an actor id or device name is typed by someone else.
 */
function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  let text = typeof value === 'object' ? JSON.stringify(value) : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function auditCsv(entries: readonly AuditEntry[]): string {
  const lines = [CSV_COLUMNS.join(',')];
  for (const entry of entries) lines.push(CSV_COLUMNS.map((c) => csvCell(entry[c])).join(','));
  return `${lines.join('\r\n')}\r\n`;
}
