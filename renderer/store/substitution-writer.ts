import type { SubstituteDecisionInput } from '../../shared/replenishment/substitution';
import { applyWardSubstituteDecision } from '../../shared/replenishment/ward-substitute-decision';
import type { StockroomDatabase } from './collections';
import type { RequestWriteResult } from './request-writer';
import { writerIdentities } from './writer-identity';

/**
 * The ward's decision on a substitute the centre proposed, as the signed-in person, offline too:
 * the shared rules decide and settle the request in one write (ward-substitute-decision.ts).
 */
export async function decideSubstituteAs(
  db: StockroomDatabase,
  context: { facilityId: string; actorId: string; now: () => Date },
  requestId: string,
  proposalId: string,
  input: SubstituteDecisionInput,
): Promise<RequestWriteResult> {
  const who = await writerIdentities(db, context.facilityId, context.actorId, undefined);
  if (!who.ok) {
    const problem = who.problems[0];
    return { ok: false, code: problem?.code ?? 'REFUSED', message: problem?.message ?? 'Refused.' };
  }
  const stored = (await db.supply_requests.findOne(requestId).exec())?.toMutableJSON();
  if (!stored || stored.facilityId !== context.facilityId) {
    return {
      ok: false,
      code: 'REQUEST_UNKNOWN',
      message: `Request ${requestId} is not on this PC.`,
    };
  }
  const decided = applyWardSubstituteDecision(stored, proposalId, input, {
    person: who.actor,
    at: context.now().toISOString(),
  });
  if (!decided.ok) return { ok: false, ...decided.error };
  const request = decided.value;
  await db.supply_requests.upsert(request);
  return { ok: true, request };
}
