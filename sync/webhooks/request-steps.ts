import type { RequestHistoryEntry, SupplyRequest } from '../../shared/model';
import { cleanEntry } from '../../shared/replenishment/request-history';
import { lineProgress } from '../../shared/replenishment/request-progress';
import { REQUEST_STEP_EVENT_TYPE } from './event-types';
import type { WebhookMessage } from './outbox';

const keyOf = (entry: RequestHistoryEntry) => JSON.stringify(cleanEntry(entry));

/**
 * The steps `after` holds that `before` did not, each as a `supply_request.step` message with the
 * status it led to and the line quantities so far. A re-push of steps the centre already holds
 * makes none, so a step is announced once however often a PC sends it.
 */
export function requestStepWebhooks(
  before: SupplyRequest | undefined,
  after: SupplyRequest,
): WebhookMessage[] {
  const known = new Set((before?.history ?? []).map(keyOf));
  return after.history
    .filter((entry) => !known.has(keyOf(entry)))
    .map((entry) => ({
      eventType: REQUEST_STEP_EVENT_TYPE,
      payload: {
        requestId: after.id,
        facilityId: after.facilityId,
        priority: after.priority,
        step: cleanEntry(entry),
        status: after.status,
        lines: lineProgress(after),
      },
    }));
}
