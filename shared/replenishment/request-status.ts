import type { RequestHistoryEntry, RequestStatus, StepLine, SupplyRequest } from '../model';
import { unionHistories } from './request-history';
import {
  demandingPolicyVersion,
  levelsApproved,
  levelsDemanded,
  lineProgress,
  settledStatus,
} from './request-progress';
import { fail, succeed, type Outcome } from './result';
import { TERMINAL_STATUSES } from './status-rank';

/**
 * The supply-request state machine: where each status may go next. Three steps may repeat:
 * a second approval level (the request stays acknowledged until every level has approved), a
 * further partial shipment, and a further partial receipt (the request stays shipped until every
 * line is in). acknowledged → ordered | picking is allowed only when the policy demanded no
 * approval (see `transition`).
 */
export const NEXT_STATUSES: Readonly<Record<RequestStatus, readonly RequestStatus[]>> = {
  draft: ['submitted', 'cancelled'],
  submitted: ['acknowledged', 'rejected', 'cancelled'],
  acknowledged: ['approved', 'rejected', 'ordered', 'picking', 'cancelled'],
  approved: ['ordered', 'picking', 'rejected', 'cancelled'],
  ordered: ['shipped', 'cancelled'],
  picking: ['shipped', 'cancelled'],
  shipped: ['shipped', 'received'],
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
  /** User id, or "erp:<key name>:<ERP user>". */
  by: string;
  /** A comment; required as the reason of a cancellation or a rejection. */
  note?: string;
  /** Shipped or received: the quantities of a partial step; absent moves everything outstanding. */
  lines?: StepLine[];
  /** Acknowledged: what the approval policy demands (approvalRequirement). */
  approval?: { policyVersion: number; levels: number };
}

/** Steps that end a request on someone's decision: they carry that person's reason. */
const NEEDS_REASON: ReadonlySet<RequestStatus> = new Set<RequestStatus>(['cancelled', 'rejected']);

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

/** The approval level the next approval gives: the lowest demanded level nobody has given. */
export function nextApprovalLevel(request: Pick<SupplyRequest, 'history'>): number {
  const given = levelsApproved(request.history);
  let level = 1;
  while (given.has(level)) level += 1;
  return level;
}

/**
 * Move a request one step along the state machine. Returns a new request (the given one is left
 * untouched) whose history gains the step, kept in history order so a clock that runs behind still
 * yields the same history a merge would produce. The status is what the history then shows
 * (`settledStatus`), so a partial receipt or a first of two approvals leaves it where it was.
 * Who may take the step is the permission model's question (request-step.ts).
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
  if (NEEDS_REASON.has(to) && (stamp.note ?? '').trim() === '') {
    return fail(
      'REASON_REQUIRED',
      `Say why request ${request.id} is ${to}: the requester reads the reason.`,
    );
  }
  const entry: RequestHistoryEntry = { status: to, at: stamp.at, by: stamp.by };
  if (stamp.note !== undefined) entry.note = stamp.note;
  const detail = stepDetail(request, to, stamp, entry);
  if (!detail.ok) return detail;
  const history = unionHistories(request.history, [entry]);
  const moved = { ...request, history };
  return succeed({ ...moved, status: settledStatus(moved, request.status) });
}

/** The details a step of each kind records, or why it cannot be taken from here. */
function stepDetail(
  request: SupplyRequest,
  to: RequestStatus,
  stamp: TransitionStamp,
  entry: RequestHistoryEntry,
): Outcome<RequestHistoryEntry> {
  if (to === 'acknowledged') {
    if (stamp.approval === undefined) {
      return fail(
        'TRANSITION_INPUT_INVALID',
        `Acknowledging request ${request.id} records what the approval policy demands: none was given.`,
      );
    }
    entry.policyVersion = stamp.approval.policyVersion;
    entry.levels = stamp.approval.levels;
  }
  if (to === 'approved') {
    const level = nextApprovalLevel(request);
    const demanded = Math.max(1, levelsDemanded(request.history));
    if (level > demanded)
      return fail('INVALID_TRANSITION', `Request ${request.id} is already approved.`);
    entry.level = level;
    const version = demandingPolicyVersion(request.history);
    if (version !== undefined) entry.policyVersion = version;
  }
  if (to === 'rejected') {
    const version = demandingPolicyVersion(request.history);
    if (version !== undefined) entry.policyVersion = version;
  }
  if ((to === 'ordered' || to === 'picking') && request.status === 'acknowledged') {
    const demanded = levelsDemanded(request.history);
    const missing = demanded - levelsApproved(request.history).size;
    if (demanded > 0 && missing > 0) {
      return fail(
        'APPROVAL_PENDING',
        `Request ${request.id} needs ${missing === 1 && demanded === 2 ? 'its second approval' : `${demanded} approval level${demanded > 1 ? 's' : ''}`} before it is ${to}.`,
      );
    }
  }
  if (to === 'shipped' || to === 'received') {
    const lines = stamp.lines ?? outstandingLines(request, to);
    const problem = quantityProblem(request, to, lines);
    if (problem) return fail('QUANTITY_BEYOND_OUTSTANDING', problem);
    // Always explicit, so "everything" means what was outstanding at this step, not later.
    entry.lines = lines.map(({ itemId, quantity }) => ({ itemId, quantity }));
  }
  return succeed(entry);
}

/** What is still to ship, or shipped and not yet received, line by line. */
function outstandingLines(request: SupplyRequest, to: 'shipped' | 'received'): StepLine[] {
  return lineProgress(request)
    .map((p) => ({
      itemId: p.itemId,
      quantity: to === 'shipped' ? p.requested - p.shipped : p.shipped - p.received,
    }))
    .filter((l) => l.quantity > 0);
}

function quantityProblem(
  request: SupplyRequest,
  to: 'shipped' | 'received',
  lines: readonly StepLine[],
): string | undefined {
  if (lines.length === 0) {
    return to === 'shipped'
      ? `Everything on request ${request.id} has been shipped.`
      : `Everything shipped on request ${request.id} has been received; nothing is waiting.`;
  }
  const progress = new Map(lineProgress(request).map((l) => [l.itemId, l]));
  const seen = new Set<string>();
  for (const line of lines) {
    const p = progress.get(line.itemId);
    if (!p)
      return `Request ${request.id} has no line for ${line.itemId}: ${to} only what was requested.`;
    if (seen.has(line.itemId))
      return `Request ${request.id}: ${line.itemId} is named twice; give one quantity per line.`;
    seen.add(line.itemId);
    const outstanding = to === 'shipped' ? p.requested - p.shipped : p.shipped - p.received;
    if (line.quantity > outstanding) {
      return to === 'shipped'
        ? `Request ${request.id}: ${line.quantity} × ${line.itemId} is more than the ${outstanding} still to ship.`
        : `Request ${request.id}: ${line.quantity} × ${line.itemId} is more than the ${outstanding} shipped and not yet received.`;
    }
  }
  return undefined;
}
