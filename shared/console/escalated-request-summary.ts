import type { RequestPriority } from '../model';
import {
  LADDER_RUNGS,
  ladderWords,
  type LadderClock,
  type LadderRung,
} from '../replenishment/escalation-ladder';

/**
 * What an escalated-request exception needs to say itself at any instant: the request it is about,
 * in words, where its clock started and how long each rung's window is. The endpoint sends this
 * beside the summary so a console left open counts the wait on ("… for 52 min"), and climbs to the
 * next rung when its window passes, instead of showing what was true at its last load.
 */
export interface EscalatedRequestLadder {
  /** "STAT request REQ-1 of North Ward (FAC-N)". */
  subject: string;
  clock: LadderClock;
  /** The rung reached when the list was read: the least it can say later. */
  rung: LadderRung;
  startedAt: string;
  /** The service level's window on this clock: one more rung for each window waited. */
  windowMinutes: number;
}

export function escalatedRequestSubject(
  priority: RequestPriority,
  requestId: string,
  facility: string,
): string {
  return `${priority.toUpperCase()} request ${requestId} of ${facility}`;
}

/**
 * The exception's summary at `now`: the same sentence the endpoint stores when a person acts on
 * it, the wait and the rung climbed as escalation-ladder.ts climbs them.
 */
export function escalatedRequestSummary(ladder: EscalatedRequestLadder, now: Date): string {
  const waited = Math.floor((now.getTime() - Date.parse(ladder.startedAt)) / 60_000);
  const minutes = Number.isFinite(waited) && waited > 0 ? waited : 0;
  const windows = ladder.windowMinutes > 0 ? Math.floor(minutes / ladder.windowMinutes) : 0;
  const step = Math.min(
    Math.max(windows, LADDER_RUNGS.indexOf(ladder.rung) + 1),
    LADDER_RUNGS.length,
  );
  const rung = LADDER_RUNGS[step - 1] ?? ladder.rung;
  return `${ladder.subject}: ${ladderWords(ladder.clock, rung, minutes).message}`;
}

/** Any exception's summary at `now`: an escalated request's wait counts on, the rest read as sent. */
export function exceptionSummaryAt(
  item: { summary: string; ladder?: EscalatedRequestLadder | undefined },
  now: Date,
): string {
  return item.ladder ? escalatedRequestSummary(item.ladder, now) : item.summary;
}
