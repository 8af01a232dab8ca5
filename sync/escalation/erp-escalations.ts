import type { Kysely, Transaction } from 'kysely';
import type { ErpEscalation } from '../../shared/console';
import type { Database } from '../db/schema';

/**
 * The ERP rungs recorded for `requestIds`, by the clock or by hand, oldest first per request: what
 * the Requests screen shows and what the rule against escalating twice reads.
 */
export async function erpEscalationsOf(
  db: Kysely<Database> | Transaction<Database>,
  requestIds: readonly string[],
): Promise<Map<string, ErpEscalation[]>> {
  const found = new Map<string, ErpEscalation[]>();
  if (requestIds.length === 0) return found;
  const rows = await db
    .selectFrom('request_escalations')
    .select(['request_id', 'clock', 'reached_at', 'escalated_by', 'reason'])
    .where('rung', '=', 'erp')
    .where('request_id', 'in', requestIds)
    .orderBy('reached_at')
    // Both clocks' ERP rungs reached in one sweep share an instant: the clock decides between them.
    .orderBy('clock')
    .execute();
  for (const row of rows) {
    const list = found.get(row.request_id) ?? [];
    list.push({
      clock: row.clock,
      at: new Date(row.reached_at).toISOString(),
      by: row.escalated_by,
      reason: row.reason,
    });
    found.set(row.request_id, list);
  }
  return found;
}
