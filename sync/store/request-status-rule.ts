import type { RequestStatus } from '../../shared/model';
import { STATUS_RANK } from '../../shared/replenishment/status-rank';
import { PushRefusal } from './push-refusal';
import type { Doc } from './canonical';

/**
 * The statuses a stockroom may give a supply request itself: all but ordered, which only the ERP
 * sets (its status route). Who may take each of them, and whether the history leads there, is the
 * request machine's question, asked in push-permissions (shared checkPushedRequest).
 */
const STOCKROOM_STATUSES: ReadonlySet<RequestStatus> = new Set<RequestStatus>([
  'draft',
  'submitted',
  'acknowledged',
  'approved',
  'rejected',
  'picking',
  'shipped',
  'cancelled',
  'received',
]);

/**
 * A PC's merge keeps the further of two statuses (shared/replenishment STATUS_RANK), so what a
 * PC pushes is either the status the centre already holds or one the stockroom set itself, never
 * one further back. Anything else is a faulty or forged device: the batch is refused whole.
 */
export function checkRequestStatusChange(stored: Doc | undefined, pushed: Doc): void {
  const to = pushed['status'] as RequestStatus;
  const from = stored?.['status'] as RequestStatus | undefined;
  if (to === from) return;
  const id = String(pushed['id']);
  if (!STOCKROOM_STATUSES.has(to)) {
    throw new PushRefusal(
      id,
      'REQUEST_STATUS_NOT_THE_STOCKROOMS',
      `Request ${id}: only the centre can make a request ${to}${from ? ` (it is ${from} there)` : ''}; nothing was stored.`,
    );
  }
  if (from !== undefined && STATUS_RANK[to] < STATUS_RANK[from]) {
    throw new PushRefusal(
      id,
      'REQUEST_STATUS_BACKWARDS',
      `Request ${id} is ${from} at the centre; a stockroom cannot move it back to ${to}. Nothing was stored.`,
    );
  }
}
