import type { RequestPriority, ServiceLevel, SupplyRequest } from '../model';
import {
  firstSubmittedAt,
  ladderClockOf,
  ladderOver,
  type LadderClock,
} from '../replenishment/escalation-ladder';
import { consoleMay, type ConsoleRole } from './console-roles';
import { ADMIN_TOKEN_WORDS, isAdminToken } from './people-words';
import { ESCALATION_REASON } from './reason-rules';
import { ESCALATION_REASON_MAX, type ErpEscalation } from './request-escalation-shapes';

/**
 * A buyer escalates a request to the ERP by hand, before its clock gets there: a ward's urgent
 * request the centre cannot meet (the supplier is out) needs the ERP now, not when the ladder's
 * last rung comes round. It takes the same rung the clock would (the ERP's, on the clock the
 * request is on), so whichever comes first is the one the ERP hears: the other finds it taken.
 * A request late to be acknowledged and later late to arrive is two things, as on the ladder: the
 * ERP rung is once per clock.
 */
export type EscalationRefusalCode =
  | 'ROLE_NOT_PERMITTED'
  | 'REQUEST_NOT_OPEN'
  | 'REQUEST_ALREADY_ESCALATED'
  | 'REASON_REQUIRED'
  | 'REASON_TOO_LONG';

export interface EscalationRefusal {
  code: EscalationRefusalCode;
  message: string;
  /** REQUEST_ALREADY_ESCALATED: the rung already taken, so a screen can say when in its own clock. */
  escalation?: ErpEscalation;
}

type Escalatable = Pick<SupplyRequest, 'id' | 'status' | 'history'>;

/** "2026-12-07 08:02 UTC" in the refusal's sentence; the console says the instant in its own clock from the refusal's `escalation`. */
function utcMinute(at: string): string {
  return `${at.slice(0, 10)} ${at.slice(11, 16)} UTC`;
}

/**
 * Who escalated, in words: "by hand by jdoe" or "by the clock"; `person` is the buyer as the
 * console names them ("Jo Doe (jdoe)") when the caller knows it.
 */
export function escalatedByWords(escalation: Pick<ErpEscalation, 'by'>, person?: string): string {
  if (escalation.by === null) return 'by the clock';
  if (person !== undefined) return `by hand by ${person}`;
  return isAdminToken(escalation.by)
    ? `by hand with ${ADMIN_TOKEN_WORDS}`
    : `by hand by ${escalation.by.replace(/^console:/, '')}`;
}

/** The ERP rung already taken on the clock the request is on now, if any. */
export function erpEscalationOnClock(
  request: Pick<SupplyRequest, 'status' | 'history'>,
  recorded: readonly ErpEscalation[],
): ErpEscalation | undefined {
  const clock = ladderClockOf(request);
  return recorded.find((e) => e.clock === clock);
}

/**
 * Why `role` may not escalate `request` to the ERP now, or undefined when they may: only those who
 * act on requests (an analyst looks), only an open request (submitted and not yet received,
 * rejected or cancelled), and never twice on one clock. `recorded` is every ERP rung the centre
 * holds for the request, by hand or by the clock.
 */
export function escalationRefusal(input: {
  role: ConsoleRole;
  request: Escalatable;
  recorded: readonly ErpEscalation[];
}): EscalationRefusal | undefined {
  const { request } = input;
  if (!consoleMay(input.role, 'exceptions.work')) {
    return {
      code: 'ROLE_NOT_PERMITTED',
      message: 'An analyst can look at requests but not escalate them; ask a buyer.',
    };
  }
  if (request.status === 'draft') {
    return {
      code: 'REQUEST_NOT_OPEN',
      message: `Request ${request.id} is still a draft on the ward's PC: it can be escalated once it is submitted.`,
    };
  }
  if (ladderOver(request)) {
    return {
      code: 'REQUEST_NOT_OPEN',
      message: `Request ${request.id} is ${request.status}: there is nothing left to escalate.`,
    };
  }
  const taken = erpEscalationOnClock(request, input.recorded);
  if (taken) {
    return {
      code: 'REQUEST_ALREADY_ESCALATED',
      message: `Request ${request.id} was already escalated to the ERP ${escalatedByWords(taken)} at ${utcMinute(taken.at)}${taken.reason ? ` (“${taken.reason}”)` : ''}.`,
      escalation: taken,
    };
  }
  return undefined;
}

/** The reason as it is kept (trimmed), or why it cannot be. */
export function escalationReason(
  raw: string,
): { ok: true; reason: string } | { ok: false; error: EscalationRefusal } {
  const reason = raw.trim();
  if (reason === '') {
    return {
      ok: false,
      error: {
        code: 'REASON_REQUIRED',
        message: ESCALATION_REASON.missing,
      },
    };
  }
  if (reason.length > ESCALATION_REASON_MAX) {
    return {
      ok: false,
      error: {
        code: 'REASON_TOO_LONG',
        message: `The reason is longer than ${ESCALATION_REASON_MAX} characters; shorten it.`,
      },
    };
  }
  return { ok: true, reason };
}

/**
 * The whole rule for one escalation by hand: the ERP rung to take (the clock the request is on)
 * and the reason to keep, or the first refusal.
 */
export function manualEscalation(input: {
  role: ConsoleRole;
  request: Escalatable;
  recorded: readonly ErpEscalation[];
  reason: string;
}):
  | { ok: true; value: { clock: LadderClock; reason: string } }
  | { ok: false; error: EscalationRefusal } {
  const refusal = escalationRefusal(input);
  if (refusal) return { ok: false, error: refusal };
  const reason = escalationReason(input.reason);
  if (!reason.ok) return reason;
  return { ok: true, value: { clock: ladderClockOf(input.request), reason: reason.reason } };
}

const MINUTE = 60_000;

/** Where a request escalated by hand at `now` stands on its clock: what the ERP's webhook says. */
export interface HandEscalationStanding {
  clock: LadderClock;
  submittedAt: string;
  /** When the clock's service level runs out; null when the priority has none (routine). */
  dueAt: string | null;
  minutesWaiting: number;
  message: string;
}

/**
 * The same account the clock's own escalation gives (how long it has waited, when it was due),
 * saying that a person escalated it and why. Counted from the first submission, as the ladder is.
 */
export function handEscalationStanding(
  request: Pick<SupplyRequest, 'priority' | 'status' | 'history' | 'createdAt'>,
  levels: Partial<Record<RequestPriority, ServiceLevel>>,
  escalation: { by: string; reason: string },
  now: string,
): HandEscalationStanding {
  const submittedAt = firstSubmittedAt(request) ?? request.createdAt;
  const start = Date.parse(submittedAt);
  const waitedMs = Date.parse(now) - start;
  const clock = ladderClockOf(request);
  const level = levels[request.priority];
  const windowMinutes =
    level === undefined
      ? undefined
      : clock === 'deliver'
        ? level.deliverMinutes
        : level.acknowledgeMinutes;
  // An unreadable time (never from the centre's own clock) counts as no wait rather than a NaN.
  const minutesWaiting = Number.isNaN(waitedMs) ? 0 : Math.max(0, Math.floor(waitedMs / MINUTE));
  const waited =
    clock === 'deliver'
      ? `Not received after ${minutesWaiting} min`
      : `Not acknowledged for ${minutesWaiting} min`;
  return {
    clock,
    submittedAt,
    dueAt:
      windowMinutes === undefined || Number.isNaN(start)
        ? null
        : new Date(start + windowMinutes * MINUTE).toISOString(),
    minutesWaiting,
    message: `${waited} — escalated to the ERP ${escalatedByWords(escalation)}: ${escalation.reason}`,
  };
}
