import type { RequestHistoryEntry, RequestStatus, SupplyRequest } from '../model';
import { unionHistories } from './request-history';
import { fail, succeed, type Outcome } from './result';
import { TERMINAL_STATUSES } from './status-rank';

/** The supply-request state machine: where each status may go next. */
export const NEXT_STATUSES: Readonly<Record<RequestStatus, readonly RequestStatus[]>> = {
  draft: ['submitted', 'cancelled'],
  submitted: ['approved', 'rejected', 'cancelled'],
  approved: ['ordered', 'cancelled', 'rejected'],
  ordered: ['shipped', 'cancelled'],
  shipped: ['received'],
  received: [],
  rejected: [],
  cancelled: [],
};

export function canTransition(from: RequestStatus, to: RequestStatus): boolean {
  return NEXT_STATUSES[from].includes(to);
}

export interface TransitionStamp {
  /** When it happened, ISO 8601 with offset (the caller's clock; shared/ has none). */
  at: string;
  /** User id, or "erp:<key name>". */
  by: string;
  note?: string;
}

function listStatuses(statuses: readonly RequestStatus[]): string {
  if (statuses.length <= 1) return statuses.join('');
  return `${statuses.slice(0, -1).join(', ')} or ${statuses[statuses.length - 1]}`;
}

function refusal(request: SupplyRequest, to: RequestStatus): string {
  const from = request.status;
  if (TERMINAL_STATUSES.has(from)) {
    return `Request ${request.id} is ${from}, which is final: it cannot become ${to}. Raise a new request if supplies are still needed.`;
  }
  if (from === to) return `Request ${request.id} is already ${to}.`;
  return `Request ${request.id} is ${from}: it cannot go to ${to}. From ${from} it can only go to ${listStatuses(NEXT_STATUSES[from])}.`;
}

/**
 * Move a request one step along the state machine. Returns a new request (the given one is left
 * untouched) whose history gains the step, kept in history order so a clock that runs behind still
 * yields the same history a merge would produce.
 */
export function transition(
  request: SupplyRequest,
  to: RequestStatus,
  stamp: TransitionStamp,
): Outcome<SupplyRequest> {
  if (!canTransition(request.status, to)) return fail('INVALID_TRANSITION', refusal(request, to));
  if (stamp.by.trim() === '') {
    return fail(
      'TRANSITION_INPUT_INVALID',
      `Say who moved request ${request.id} to ${to}: sign in, then try again.`,
    );
  }
  if (Number.isNaN(Date.parse(stamp.at))) {
    return fail(
      'TRANSITION_INPUT_INVALID',
      `The time "${stamp.at}" for request ${request.id} is not a date and time: check the PC clock, then try again.`,
    );
  }
  const entry: RequestHistoryEntry = { status: to, at: stamp.at, by: stamp.by };
  if (stamp.note !== undefined) entry.note = stamp.note;
  return succeed({ ...request, status: to, history: unionHistories(request.history, [entry]) });
}
