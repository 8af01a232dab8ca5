import type { RequestStatus } from '../../shared/model';
import { STATUS_RANK } from '../../shared/replenishment/status-rank';
import { HttpError } from '../http/errors';
import type { Doc } from './canonical';

/**
 * The statuses a stockroom gives a supply request itself: it drafts, submits, cancels and
 * receives. Approving, ordering, shipping and rejecting are the centre's (the ERP's status route).
 */
const STOCKROOM_STATUSES: ReadonlySet<RequestStatus> = new Set<RequestStatus>([
  'draft',
  'submitted',
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
    throw new HttpError(
      422,
      'REQUEST_STATUS_NOT_THE_STOCKROOMS',
      `Request ${id}: only the centre can make a request ${to}${from ? ` (it is ${from} there)` : ''}; nothing was stored.`,
    );
  }
  if (from !== undefined && STATUS_RANK[to] < STATUS_RANK[from]) {
    throw new HttpError(
      422,
      'REQUEST_STATUS_BACKWARDS',
      `Request ${id} is ${from} at the centre; a stockroom cannot move it back to ${to}. Nothing was stored.`,
    );
  }
}
