import {
  RECALL_CASE_STEPS,
  type Permission,
  type RecallCase,
  type RecallCaseEntry,
  type RecallCaseStep,
  type Role,
} from '../model';
import { authorize, recallAct, type PermissionError } from '../permissions';

/**
 * The auditor's recall workflow (DOMAIN.md §4): received → matched → located → quarantined →
 * counted → acknowledged → disposed → closed, one timestamped, attributed entry per step.
 *
 * Steps move forward one at a time. Two skips are allowed, both when there is nothing to handle:
 * - matched with 0 units → acknowledged (located, quarantined, counted skipped). It does not go
 *   straight to closed: the source still expects the facility's "none on hand" response.
 * - acknowledged → closed when no unit was quarantined (disposed skipped: nothing to dispose).
 *
 * Second-person rule (DOMAIN.md §4, §6): disposing and closing need `recall.dispose` /
 * `recall.close` (supervisor or admin) and a person other than whoever recorded the quarantine.
 * Step-up re-authentication for those steps is the screen's job; this module sees only the result.
 */

export interface RecallActor {
  id: string;
  role: Role;
}

export interface RecallStepInput {
  step: RecallCaseStep;
  at: string;
  by: RecallActor;
  note?: string;
  /** Units the step concerned: required for matched, quarantined, counted and disposed. */
  units?: number;
  /** Required for disposed: returned to the supplier or destroyed. */
  disposition?: RecallCase['disposition'];
}

export type RecallCaseErrorCode =
  | 'NOT_PERMITTED'
  | 'SAME_PERSON'
  | 'STEP_OUT_OF_ORDER'
  | 'CASE_CLOSED'
  | 'INVALID_TIME'
  | 'TIME_BEFORE_PREVIOUS'
  | 'UNITS_REQUIRED'
  | 'DISPOSITION_REQUIRED';

export interface RecallCaseError {
  code: RecallCaseErrorCode;
  message: string;
}

export type RecallCaseResult =
  { ok: true; value: RecallCase } | { ok: false; error: RecallCaseError };

export const STEP_PERMISSION: Readonly<Record<RecallCaseStep, Permission>> = {
  received: 'recall.sweep',
  matched: 'recall.sweep',
  located: 'recall.sweep',
  quarantined: 'recall.quarantine',
  counted: 'recall.quarantine',
  acknowledged: 'recall.sweep',
  disposed: 'recall.dispose',
  closed: 'recall.close',
};

const NEEDS_UNITS: ReadonlySet<RecallCaseStep> = new Set([
  'matched',
  'quarantined',
  'counted',
  'disposed',
]);
const STEP_WORDS: Readonly<Record<RecallCaseStep, string>> = {
  received: 'record the notice as received',
  matched: 'record the stock match',
  located: 'record where the stock is',
  quarantined: 'quarantine recalled stock',
  counted: 'record the count',
  acknowledged: 'acknowledge the notice to the source',
  disposed: 'dispose of recalled stock',
  closed: 'close the recall',
};

const fail = (code: RecallCaseErrorCode, message: string): RecallCaseResult => ({
  ok: false,
  error: { code, message },
});

export const stepIndex = (step: RecallCaseStep): number => RECALL_CASE_STEPS.indexOf(step);
export const entryFor = (rc: RecallCase, step: RecallCaseStep): RecallCaseEntry | undefined =>
  rc.history.find((e) => e.step === step);

/** The steps that may come next from where the case stands. */
export function nextSteps(rc: RecallCase): RecallCaseStep[] {
  const next = RECALL_CASE_STEPS[stepIndex(rc.step) + 1];
  if (next === undefined) return [];
  const steps: RecallCaseStep[] = [next];
  if (rc.step === 'matched' && entryFor(rc, 'matched')?.units === 0) steps.push('acknowledged');
  if (rc.step === 'acknowledged' && rc.quarantinedUnits === 0) steps.push('closed');
  return steps;
}

/**
 * The permission model (shared/permissions) decides; this keeps the workflow's own codes:
 * a role that may not take the step, or the person who quarantined trying to dispose or close.
 */
function permissionError(input: RecallStepInput, rc?: RecallCase): RecallCaseResult | null {
  const decision = authorize(recallAct(input.step), {
    actor: input.by,
    earlier: (rc?.history ?? []).map((e) => ({ act: recallAct(e.step), by: e.by })),
  });
  if (decision.ok) return null;
  return fail(codeOf(decision.error), messageOf(input, decision.error));
}

function codeOf(error: PermissionError): RecallCaseErrorCode {
  return error.code === 'SEGREGATION_OF_DUTIES' ? 'SAME_PERSON' : 'NOT_PERMITTED';
}

function messageOf(input: RecallStepInput, error: PermissionError): string {
  if (error.code === 'SEGREGATION_OF_DUTIES') {
    return `You quarantined this stock, so another supervisor must ${STEP_WORDS[input.step]}. Ask a second person to sign in.`;
  }
  const who =
    input.step === 'disposed' || input.step === 'closed'
      ? 'a supervisor'
      : 'a stockroom technician or supervisor';
  return `Your role (${input.by.role}) cannot ${STEP_WORDS[input.step]}. Ask ${who} to sign in and do this step.`;
}

function entryFrom(input: RecallStepInput): RecallCaseEntry {
  const entry: RecallCaseEntry = { step: input.step, at: input.at, by: input.by.id };
  if (input.note !== undefined && input.note !== '') entry.note = input.note;
  if (input.units !== undefined) entry.units = input.units;
  return entry;
}

const isUnits = (n: unknown): n is number => Number.isInteger(n) && (n as number) >= 0;

/** Opens a case for a notice at a facility: its first step, `received`. */
export function openRecallCase(args: {
  id: string;
  facilityId: string;
  noticeId: string;
  at: string;
  by: RecallActor;
  note?: string;
}): RecallCaseResult {
  const input: RecallStepInput = { step: 'received', at: args.at, by: args.by, note: args.note };
  const denied = permissionError(input);
  if (denied) return denied;
  if (Number.isNaN(Date.parse(args.at))) {
    return fail(
      'INVALID_TIME',
      `"${args.at}" is not a time with a date and offset. Check the PC's clock.`,
    );
  }
  return {
    ok: true,
    value: {
      id: args.id,
      facilityId: args.facilityId,
      noticeId: args.noticeId,
      step: 'received',
      history: [entryFrom(input)],
      quarantinedUnits: 0,
    },
  };
}

/** Records the next step, or says why not; the case passed in is never changed. */
export function advanceRecallCase(rc: RecallCase, input: RecallStepInput): RecallCaseResult {
  if (rc.step === 'closed') {
    return fail('CASE_CLOSED', 'This recall case is closed; nothing more can be recorded on it.');
  }
  const allowed = nextSteps(rc);
  if (!allowed.includes(input.step)) {
    const options = allowed.map((s) => `"${s}"`).join(' or ');
    return fail(
      'STEP_OUT_OF_ORDER',
      `This recall case is at "${rc.step}"; the next step is ${options}, not "${input.step}". Record the steps in order.`,
    );
  }
  const denied = permissionError(input, rc);
  if (denied) return denied;
  const at = Date.parse(input.at);
  if (Number.isNaN(at)) {
    return fail(
      'INVALID_TIME',
      `"${input.at}" is not a time with a date and offset. Check the PC's clock.`,
    );
  }
  const previous = rc.history[rc.history.length - 1];
  if (previous && at < Date.parse(previous.at)) {
    return fail(
      'TIME_BEFORE_PREVIOUS',
      `This step's time (${input.at}) is before the previous step's (${previous.at}). Check the PC's clock and try again.`,
    );
  }
  if (NEEDS_UNITS.has(input.step) && !isUnits(input.units)) {
    return fail(
      'UNITS_REQUIRED',
      `Enter how many units this step concerned (0 or more) to ${STEP_WORDS[input.step]}.`,
    );
  }
  if (input.step === 'disposed' && input.disposition === undefined) {
    return fail(
      'DISPOSITION_REQUIRED',
      'Say whether the stock was returned to the supplier or destroyed.',
    );
  }

  const next: RecallCase = { ...rc, step: input.step, history: [...rc.history, entryFrom(input)] };
  if (input.step === 'quarantined') next.quarantinedUnits = input.units ?? 0;
  if (input.step === 'disposed' && input.disposition !== undefined)
    next.disposition = input.disposition;
  return { ok: true, value: next };
}
