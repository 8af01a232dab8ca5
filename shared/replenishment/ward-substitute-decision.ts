import type { SupplyRequest } from '../model';
import type { Person } from '../permissions/decide';
import { settledStatus } from './request-progress';
import { takeRequestStep, type StepOutcome } from './request-step';
import { decideSubstitute, effectiveLines, type SubstituteDecisionInput } from './substitution';

/**
 * The ward's decision on a proposed substitute, applied to the whole request in one step: the
 * decision itself, then the status it leaves (a cancelled line can leave everything else already
 * received), then, when refusing with "cancel the line" left nothing to send, the request cancelled
 * with the clinical note as its reason. One write of the result leaves nothing half-decided
 * waiting at the centre. The PC's writer and the chaos harness's simulated PCs both take it.
 */
export function applyWardSubstituteDecision(
  request: SupplyRequest,
  proposalId: string,
  input: SubstituteDecisionInput,
  actor: { person: Person; at: string },
): StepOutcome {
  const decided = decideSubstitute(request, proposalId, input, actor);
  if (!decided.ok) return decided;
  const settled = { ...decided.value, status: settledStatus(decided.value, decided.value.status) };
  if (effectiveLines(settled).length > 0) return { ok: true, value: settled };
  return takeRequestStep(
    settled,
    {
      to: 'cancelled',
      at: actor.at,
      note: `Every line cancelled after refusing substitutes: ${input.note.trim()}`,
    },
    { kind: 'person', person: actor.person },
  );
}
