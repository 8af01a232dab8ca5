import type { RequestPriority, RequestStatus, ServiceLevel, SupplyRequest } from '../model';
import { compareInstants } from './request-history';

/**
 * The escalation ladder (DOMAIN.md §3): a request past its service level climbs one rung for each
 * further window it waits. First a reminder to those who should act, then the supervisor, then an
 * item in the centre's exception queue, then a webhook to the ERP. Pure: the PC evaluates it
 * offline for what the nurse manager sees; the centre evaluates the same function to queue the
 * exception and send the webhook once (sync/escalation).
 */
export const LADDER_RUNGS = ['reminder', 'supervisor', 'exception-queue', 'erp'] as const;
export type LadderRung = (typeof LADDER_RUNGS)[number];
export type LadderClock = 'acknowledge' | 'deliver';

export interface LadderState {
  clock: LadderClock;
  rung: LadderRung;
  /** 1 for the reminder up to 4 for the ERP. */
  step: number;
  startedAt: string;
  dueAt: string;
  /** Whole minutes since submission. */
  minutesWaiting: number;
  /** When the next rung is reached; absent on the last. */
  nextAt?: string;
  /** How long it has waited, in words: "Not acknowledged for 40 min". */
  waited: string;
  message: string;
}

const MINUTE = 60_000;

const ACKNOWLEDGED: ReadonlySet<RequestStatus> = new Set<RequestStatus>([
  'acknowledged',
  'approved',
  'picking',
  'ordered',
  'shipped',
  'received',
]);
const OVER: ReadonlySet<RequestStatus> = new Set<RequestStatus>([
  'received',
  'rejected',
  'cancelled',
]);

const WHAT_HAPPENED: Record<LadderRung, string> = {
  reminder: 'reminder sent',
  supervisor: 'escalated to the supervisor',
  // The centre queues and reports it; a PC offline only knows that it is due.
  'exception-queue': 'escalated to the centre',
  erp: 'escalated to the centre and the ERP',
};

/**
 * The ladder's words for a request that has waited `minutesWaiting` on `clock` and reached
 * `rung`: the same sentence wherever it is shown, so a screen that keeps the clock running (the
 * console's Requests screen) says what the ladder would say now, not what it said at loading.
 */
export function ladderWords(
  clock: LadderClock,
  rung: LadderRung,
  minutesWaiting: number,
): { waited: string; message: string } {
  const waited =
    clock === 'deliver'
      ? `Not received after ${minutesWaiting} min`
      : `Not acknowledged for ${minutesWaiting} min`;
  return { waited, message: `${waited} — ${WHAT_HAPPENED[rung]}` };
}

/** The rungs the centre climbs: they happen only once the request has reached it. */
export const CENTRE_RUNGS: ReadonlySet<LadderRung> = new Set<LadderRung>([
  'exception-queue',
  'erp',
]);

/**
 * The ladder in words on a PC, which knows whether the request has reached the centre. A request
 * still waiting on this PC cannot have been escalated there: saying so would let a nurse manager
 * believe the centre knows, so the words say to phone instead.
 */
export function ladderMessageOnPc(state: LadderState, reachedCentre: boolean): string {
  if (reachedCentre || !CENTRE_RUNGS.has(state.rung)) return state.message;
  return `${state.waited} — due to go to the centre, but it has not reached it: phone the centre`;
}

/** The history decides, not just the status field: a merge may keep a status whose step came later. */
function reached(
  request: Pick<SupplyRequest, 'status' | 'history'>,
  statuses: ReadonlySet<RequestStatus>,
): boolean {
  return statuses.has(request.status) || request.history.some((h) => statuses.has(h.status));
}

/** The clock a request is on: acknowledge until someone takes it on, then deliver. */
export function ladderClockOf(request: Pick<SupplyRequest, 'status' | 'history'>): LadderClock {
  return reached(request, ACKNOWLEDGED) ? 'deliver' : 'acknowledge';
}

/** Whether the request is received, rejected or cancelled: off the ladder for good. */
export function ladderOver(request: Pick<SupplyRequest, 'status' | 'history'>): boolean {
  return reached(request, OVER);
}

/** When both clocks start: the first submission, so a re-save never restarts them. */
export function firstSubmittedAt(request: Pick<SupplyRequest, 'history'>): string | undefined {
  return request.history
    .filter((h) => h.status === 'submitted')
    .map((h) => h.at)
    .sort(compareInstants)[0];
}

/**
 * Where `request` stands on the ladder at `now`, or undefined when it is within its service level,
 * has none, is not submitted yet, or is over. The acknowledge clock runs until someone takes the
 * request on; then the deliver clock runs until it is received. Both count from the first
 * submission, so a re-save never restarts them.
 */
export function escalationLadder(
  request: Pick<SupplyRequest, 'priority' | 'status' | 'history' | 'createdAt'>,
  levels: Partial<Record<RequestPriority, ServiceLevel>>,
  now: string,
): LadderState | undefined {
  const level = levels[request.priority];
  if (!level || ladderOver(request)) return undefined;
  const startedAt = firstSubmittedAt(request);
  if (startedAt === undefined) return undefined;
  const clock = ladderClockOf(request);
  const acknowledged = clock === 'deliver';
  const windowMinutes = acknowledged ? level.deliverMinutes : level.acknowledgeMinutes;
  const start = Date.parse(startedAt);
  const at = Date.parse(now);
  if (Number.isNaN(start) || Number.isNaN(at)) return undefined;
  const windows = Math.floor((at - start) / (windowMinutes * MINUTE));
  if (windows < 1) return undefined;
  const step = Math.min(windows, LADDER_RUNGS.length);
  const rung = LADDER_RUNGS[step - 1] ?? 'erp';
  const minutesWaiting = Math.floor((at - start) / MINUTE);
  const { waited, message } = ladderWords(clock, rung, minutesWaiting);
  return {
    clock,
    rung,
    step,
    startedAt,
    dueAt: new Date(start + windowMinutes * MINUTE).toISOString(),
    minutesWaiting,
    waited,
    ...(step < LADDER_RUNGS.length
      ? { nextAt: new Date(start + (step + 1) * windowMinutes * MINUTE).toISOString() }
      : {}),
    message,
  };
}
