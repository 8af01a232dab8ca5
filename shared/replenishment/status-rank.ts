import type { RequestStatus } from '../model';

/** Statuses after which nothing more happens to a request. */
export const TERMINAL_STATUSES: ReadonlySet<RequestStatus> = new Set<RequestStatus>([
  'received',
  'rejected',
  'cancelled',
]);

/**
 * How far a request has gone, for merging two versions: the merge keeps the status with the
 * higher rank. It is a total order, so "the furthest of two" never depends on argument order.
 *
 * - The path draft < submitted < acknowledged < approved < ordered < picking < shipped follows the
 *   state machine; ordered and picking are alternatives (the ERP orders, or a stockroom picks), and
 *   picking ranks higher only so that the order is total.
 * - cancelled and rejected outrank every open status: once someone has ended a request, a
 *   concurrent step elsewhere (the centre marking it shipped while the ward cancelled it) must not
 *   silently reopen it. Both histories are kept, so the step is still there for a person to act on.
 * - rejected outranks cancelled: both end the request, and after submission the centre owns the
 *   status; its rejection carries the centre's reason, which the ward needs to see.
 * - received outranks everything: the goods are physically in the stockroom, whatever anyone
 *   decided concurrently, and the receipt is what the stock ledger will show.
 */
export const STATUS_RANK: Readonly<Record<RequestStatus, number>> = {
  draft: 0,
  submitted: 1,
  acknowledged: 2,
  approved: 3,
  ordered: 4,
  picking: 5,
  shipped: 6,
  cancelled: 7,
  rejected: 8,
  received: 9,
};

export function furtherStatus(a: RequestStatus, b: RequestStatus): RequestStatus {
  return STATUS_RANK[b] > STATUS_RANK[a] ? b : a;
}
