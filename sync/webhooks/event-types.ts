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
};

export const INTEGRITY_ALARM_EVENT = 'integrity.alarm';

export const WEBHOOK_EVENT_TYPES = [
  ...new Set([...Object.values(COLLECTION_EVENT_TYPES), INTEGRITY_ALARM_EVENT]),
].sort();
