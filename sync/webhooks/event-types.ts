import type { CollectionName } from '../../shared/model';

/** The webhook event each accepted document write produces. */
export const COLLECTION_EVENT_TYPES: Record<CollectionName, string> = {
  items: 'item.changed',
  locations: 'location.changed',
  par_levels: 'par_level.changed',
  recall_notices: 'recall_notice.changed',
  recall_cases: 'recall_case.changed',
  users: 'user.changed',
  stock_events: 'stock_event.recorded',
  supply_requests: 'supply_request.changed',
  pending_items: 'pending_item.changed',
  deliveries: 'delivery.changed',
  sign_in_events: 'sign_in.recorded',
  label_prints: 'label.printed',
};

export const INTEGRITY_ALARM_EVENT = 'integrity.alarm';
/** Each step a supply request takes (webhooks/request-steps.ts). */
export const REQUEST_STEP_EVENT_TYPE = 'supply_request.step';

/** A request climbed to the ERP's rung of the escalation ladder (sync/escalation). */
export const REQUEST_ESCALATED_EVENT = 'supply_request.escalated';

/** The centre proposed a substitute for a line (webhooks/request-substitutions.ts). */
export const SUBSTITUTION_PROPOSED_EVENT = 'supply_request.substitution_proposed';
/** The ward accepted or refused a proposed substitute. */
export const SUBSTITUTION_DECIDED_EVENT = 'supply_request.substitution_decided';

/**
 * A stockroom closed an expected delivery: the ERP learns the discrepancy summary (the payload is
 * the delivery with its `closure`) without watching every delivery change.
 */
export const DELIVERY_CLOSED_EVENT = 'delivery.closed';

export const WEBHOOK_EVENT_TYPES = [
  ...new Set([
    ...Object.values(COLLECTION_EVENT_TYPES),
    INTEGRITY_ALARM_EVENT,
    DELIVERY_CLOSED_EVENT,
    REQUEST_STEP_EVENT_TYPE,
    REQUEST_ESCALATED_EVENT,
    SUBSTITUTION_PROPOSED_EVENT,
    SUBSTITUTION_DECIDED_EVENT,
  ]),
].sort();
