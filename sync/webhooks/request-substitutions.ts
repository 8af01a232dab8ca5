import type { SupplyRequest } from '../../shared/model';
import { lineProgress } from '../../shared/replenishment/request-progress';
import { decisionText, substitutionStates } from '../../shared/replenishment/substitution';
import { SUBSTITUTION_DECIDED_EVENT, SUBSTITUTION_PROPOSED_EVENT } from './event-types';
import type { WebhookMessage } from './outbox';

/**
 * What the ERP hears of substitutions: each proposal `after` holds that `before` did not, and each
 * decision it holds that `before` did not. A re-push makes none. When two PCs decided one proposal
 * offline, the merge keeps the earlier decision; if the centre had announced the later one first,
 * the earlier is announced too, and the latest message per proposal is the one that stands.
 */
export function substitutionWebhooks(
  before: SupplyRequest | undefined,
  after: SupplyRequest,
): WebhookMessage[] {
  const known = new Map((before?.substitutions ?? []).map((s) => [s.id, s]));
  const states = substitutionStates(after);
  const messages: WebhookMessage[] = [];
  for (const s of after.substitutions ?? []) {
    const old = known.get(s.id);
    const { decision, ...proposal } = s;
    const common = { requestId: after.id, facilityId: after.facilityId, priority: after.priority };
    if (!old) {
      messages.push({
        eventType: SUBSTITUTION_PROPOSED_EVENT,
        payload: { ...common, proposal, status: after.status },
      });
    }
    if (decision && (!old?.decision || decisionText(old.decision) !== decisionText(decision))) {
      messages.push({
        eventType: SUBSTITUTION_DECIDED_EVENT,
        payload: {
          ...common,
          proposal,
          decision,
          state: states.get(s.id),
          status: after.status,
          lines: lineProgress(after),
        },
      });
    }
  }
  return messages;
}
