import type { ApiScope } from '../auth/api-key-auth';
import {
  COLLECTION_EVENT_TYPES,
  DELIVERY_CLOSED_EVENT,
  INTEGRITY_ALARM_EVENT,
  REQUEST_ESCALATED_EVENT,
  REQUEST_STEP_EVENT_TYPE,
  SUBSTITUTION_DECIDED_EVENT,
  SUBSTITUTION_PROPOSED_EVENT,
  WEBHOOK_EVENT_TYPES,
} from './event-types';

/**
 * The read scope a key needs to subscribe to each event type: a webhook is a read, so it reaches
 * no further than the key that registered it could read. `users:read` guards personal data;
 * sign-ins are part of the audit trail.
 */
export const EVENT_READ_SCOPES: Readonly<Record<string, ApiScope>> = {
  [COLLECTION_EVENT_TYPES.items]: 'inventory:read',
  [COLLECTION_EVENT_TYPES.locations]: 'inventory:read',
  [COLLECTION_EVENT_TYPES.par_levels]: 'inventory:read',
  [COLLECTION_EVENT_TYPES.pending_items]: 'inventory:read',
  [COLLECTION_EVENT_TYPES.deliveries]: 'inventory:read',
  [DELIVERY_CLOSED_EVENT]: 'inventory:read',
  [COLLECTION_EVENT_TYPES.supply_requests]: 'requests:read',
  [COLLECTION_EVENT_TYPES.recall_notices]: 'recalls:read',
  [COLLECTION_EVENT_TYPES.recall_cases]: 'recalls:read',
  [COLLECTION_EVENT_TYPES.stock_events]: 'events:read',
  [COLLECTION_EVENT_TYPES.users]: 'users:read',
  [COLLECTION_EVENT_TYPES.sign_in_events]: 'audit:read',
  [COLLECTION_EVENT_TYPES.label_prints]: 'events:read',
  [INTEGRITY_ALARM_EVENT]: 'sync-health:read',
  [REQUEST_STEP_EVENT_TYPE]: 'requests:read',
  [REQUEST_ESCALATED_EVENT]: 'requests:read',
  [SUBSTITUTION_PROPOSED_EVENT]: 'requests:read',
  [SUBSTITUTION_DECIDED_EVENT]: 'requests:read',
};

/** The event types a key with `scopes` may subscribe to, in WEBHOOK_EVENT_TYPES order. */
export function readableEventTypes(scopes: readonly string[]): string[] {
  return WEBHOOK_EVENT_TYPES.filter((type) => {
    const needed = EVENT_READ_SCOPES[type];
    return needed !== undefined && scopes.includes(needed);
  });
}
