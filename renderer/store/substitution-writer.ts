import type { SubstituteDecisionInput } from '../../shared/replenishment/substitution';
import { applyWardSubstituteDecision } from '../../shared/replenishment/ward-substitute-decision';
import type { StockroomDatabase } from './collections';
import type { RequestWriteResult } from './request-writer';
import { requestOnThisPc } from './request-on-this-pc';

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
  const found = await requestOnThisPc(db, context, requestId);
  if (!found.ok) return found;
  const decided = applyWardSubstituteDecision(found.stored, proposalId, input, {
    person: found.actor,
    at: context.now().toISOString(),
  });
  if (!decided.ok) return { ok: false, ...decided.error };
  const request = decided.value;
  await db.supply_requests.upsert(request);
  return { ok: true, request };
}
