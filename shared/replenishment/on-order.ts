import type { RequestStatus, SupplyRequest } from '../model';
import { locationItemKey } from './stock-key';
import { effectiveLines } from './substitution';

/**
 * Statuses whose lines are on their way. A draft has not been asked for yet; received stock is
 * already counted as available; rejected and cancelled requests will never arrive.
 */
export const ON_ORDER_STATUSES: ReadonlySet<RequestStatus> = new Set<RequestStatus>([
  'submitted',
  'approved',
  'ordered',
  'shipped',
]);

/** Units on order per (location, item), summed over every open request line for that pair. */
export function onOrderFrom(requests: Iterable<SupplyRequest>): Map<string, number> {
  const onOrder = new Map<string, number>();
  for (const request of requests) {
    if (!ON_ORDER_STATUSES.has(request.status)) continue;
    for (const line of effectiveLines(request)) {
      const key = locationItemKey(request.locationId, line.itemId);
      onOrder.set(key, (onOrder.get(key) ?? 0) + line.quantity);
    }
  }
  return onOrder;
}
