import type { RequestPriority, RequestStatus, SupplyRequest } from '../model';
import { compareInstants } from './request-history';
import { acknowledgeTargets, DEFAULT_SERVICE_LEVELS } from './service-levels';

/**
 * Urgent requests that nobody has acknowledged in time escalate (DOMAIN.md §3). Acknowledged
 * means the request reached 'acknowledged' or a later step of the state machine; a rejected or
 * cancelled request has been dealt with and never escalates. The clock starts at submission.
 */

/** Minutes a submitted request may wait for acknowledgement, per priority; absent: never escalates. */
export type EscalationPolicy = Partial<Record<RequestPriority, number>>;

/** The network's default minutes to acknowledge, from the one table of service levels. */
export const DEFAULT_ESCALATION_POLICY: Readonly<EscalationPolicy> =
  acknowledgeTargets(DEFAULT_SERVICE_LEVELS);

/** Statuses that show someone has taken the request on, or that it is over. */
const HANDLED: ReadonlySet<RequestStatus> = new Set<RequestStatus>([
  'acknowledged',
  'approved',
  'picking',
  'ordered',
  'shipped',
  'received',
  'rejected',
  'cancelled',
]);

export type Escalation =
  | {
      escalated: false;
      reason: 'no-window' | 'not-submitted' | 'handled' | 'within-window' | 'unreadable-time';
      dueAt?: string;
    }
  | {
      escalated: true;
      submittedAt: string;
      dueAt: string;
      /** Whole minutes since submission. */
      minutesWaiting: number;
      message: string;
    };

const MINUTE = 60_000;

/**
 * Whether `request` has escalated at `now` (an ISO instant, supplied by the caller). The window is
 * counted from the first submission in the history, so a later re-save cannot restart it.
 */
export function escalation(
  request: Pick<SupplyRequest, 'priority' | 'status' | 'history' | 'createdAt'>,
  now: string,
  policy: EscalationPolicy = DEFAULT_ESCALATION_POLICY,
): Escalation {
  const windowMinutes = policy[request.priority];
  if (windowMinutes === undefined) return { escalated: false, reason: 'no-window' };
  // History decides, not just the status field: a merge may keep a status whose step came later.
  if (HANDLED.has(request.status) || request.history.some((h) => HANDLED.has(h.status))) {
    return { escalated: false, reason: 'handled' };
  }
  if (request.status !== 'submitted') return { escalated: false, reason: 'not-submitted' };
  const submissions = request.history
    .filter((h) => h.status === 'submitted')
    .map((h) => h.at)
    .sort(compareInstants);
  const submittedAt = submissions[0] ?? request.createdAt;
  const start = Date.parse(submittedAt);
  const at = Date.parse(now);
  if (Number.isNaN(start) || Number.isNaN(at)) {
    return { escalated: false, reason: 'unreadable-time' };
  }
  const dueAt = new Date(start + windowMinutes * MINUTE).toISOString();
  if (at - start < windowMinutes * MINUTE) {
    return { escalated: false, reason: 'within-window', dueAt };
  }
  const minutesWaiting = Math.floor((at - start) / MINUTE);
  return {
    escalated: true,
    submittedAt,
    dueAt,
    minutesWaiting,
    message: `Escalated — not acknowledged for ${minutesWaiting} min`,
  };
}
