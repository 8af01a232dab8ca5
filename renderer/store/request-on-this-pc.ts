import type { SupplyRequest } from '../../shared/model';
import type { Person } from '../../shared/permissions';
import type { StockroomDatabase } from './collections';
import { writerIdentities } from './writer-identity';

export type RequestOnThisPc =
  { ok: true; actor: Person; stored: SupplyRequest } | { ok: false; code: string; message: string };

/**
 * What every writer of a request step starts from: the signed-in person, still a member of this
 * facility here, and the request as this PC holds it (never another facility's).
 */
export async function requestOnThisPc(
  db: StockroomDatabase,
  context: { facilityId: string; actorId: string },
  requestId: string,
): Promise<RequestOnThisPc> {
  const who = await writerIdentities(db, context.facilityId, context.actorId, undefined);
  if (!who.ok) {
    const first = who.problems[0];
    return { ok: false, code: first?.code ?? 'REFUSED', message: first?.message ?? 'Refused.' };
  }
  const stored = (await db.supply_requests.findOne(requestId).exec())?.toMutableJSON();
  if (!stored || stored.facilityId !== context.facilityId) {
    return {
      ok: false,
      code: 'REQUEST_UNKNOWN',
      message: `Request ${requestId} is not on this PC.`,
    };
  }
  return { ok: true, actor: who.actor, stored };
}
