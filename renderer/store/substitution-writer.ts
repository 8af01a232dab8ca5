import {
  decideSubstitute,
  effectiveLines,
  type SubstituteDecisionInput,
} from '../../shared/replenishment/substitution';
import { settledStatus } from '../../shared/replenishment/request-progress';
import { takeRequestStep } from '../../shared/replenishment/request-step';
import type { StockroomDatabase } from './collections';
import type { RequestWriteResult } from './request-writer';
import { writerIdentities } from './writer-identity';

/**
 * The ward's decision on a substitute the centre proposed, as the signed-in person, offline too:
 * the shared rules decide (substitution.ts). Refusing the last line that was still asked for, with
 * "cancel the line", leaves nothing to send: the request is cancelled in the same write, with the
 * clinical note as its reason, so nothing half-decided is left waiting at the centre.
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
  const at = context.now().toISOString();
  const decided = decideSubstitute(stored, proposalId, input, { person: who.actor, at });
  if (!decided.ok) return { ok: false, ...decided.error };
  // A cancelled line can leave everything else already received: the request is then received.
  let request = { ...decided.value, status: settledStatus(decided.value, decided.value.status) };
  if (effectiveLines(request).length === 0) {
    const cancelled = takeRequestStep(
      request,
      {
        to: 'cancelled',
        at,
        note: `Every line cancelled after refusing substitutes: ${input.note.trim()}`,
      },
      { kind: 'person', person: who.actor },
    );
    if (!cancelled.ok) return { ok: false, ...cancelled.error };
    request = cancelled.value;
  }
  await db.supply_requests.upsert(request);
  return { ok: true, request };
}
