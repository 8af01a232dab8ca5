import type {
  RecallCase,
  RecallCaseEntry,
  RequestHistoryEntry,
  RequestStatus,
  Role,
  SupplyRequest,
} from '../model';
import {
  advanceRecallCase,
  openRecallCase,
  type RecallCaseResult,
} from '../recall/recall-case-flow';
import { mergeRecallCases } from '../recall/recall-case-merge';
import { cleanEntry, unionHistories } from '../replenishment/request-history';
import { settledStatus } from '../replenishment/request-progress';
import { canTransition } from '../replenishment/request-status';
import {
  actOfEntry,
  earlierActs,
  takeRequestStep,
  type RequestStep,
} from '../replenishment/request-step';
import { STATUS_RANK, furtherStatus } from '../replenishment/status-rank';
import { type Act } from './acts';
import { checkPushedSubstitutions } from './pushed-substitutions';
import { authorize, type PersonResult } from './decide';

/**
 * What the centre asks of a workflow document a PC pushes: is it a path its state machine allows,
 * each step taken by a person who may take it? The documents are replayed from their histories, so
 * a case pushed straight to `closed`, or a history with a step made up or removed, is refused.
 * `people` answers who an id is (an active user of the facility, with their role), as the caller
 * knows them.
 */
export type PushedCheck = { ok: true } | { ok: false; error: { code: string; message: string } };

type People = (id: string) => PersonResult;

const refuse = (code: string, message: string): PushedCheck => ({
  ok: false,
  error: { code, message },
});

const sameEntry = (a: { at: string; by: string }, b: { at: string; by: string }) =>
  a.at === b.at && a.by === b.by;

export function checkPushedRecallCase(
  stored: RecallCase | undefined,
  pushed: RecallCase,
  people: People,
): PushedCheck {
  const lost = stored?.history.find(
    (old) => !pushed.history.some((e) => e.step === old.step && sameEntry(e, old)),
  );
  if (lost) {
    return refuse(
      'HISTORY_REWRITTEN',
      `Recall case ${pushed.id}: its "${lost.step}" step is missing from what was sent; a step once recorded is never removed.`,
    );
  }
  const [first, ...rest] = pushed.history;
  if (!first || first.step !== 'received') {
    return refuse(
      'STEP_OUT_OF_ORDER',
      `Recall case ${pushed.id} must start with "received"; nothing was stored.`,
    );
  }
  const opener = people(first.by);
  if (!opener.ok) return opener;
  let rc = openRecallCase({
    id: pushed.id,
    facilityId: pushed.facilityId,
    noticeId: pushed.noticeId,
    at: first.at,
    by: opener.person,
    ...(first.note !== undefined ? { note: first.note } : {}),
  });
  // The case before its latest step was taken, so a second entry of that step can be judged.
  let before: RecallCase | undefined;
  for (const entry of rest) {
    if (!rc.ok) break;
    const by = people(entry.by);
    if (!by.ok) return by;
    const current = rc.value;
    if (entry.step === current.step) {
      rc = concurrentStep(before, current, entry, by.person, pushed);
      continue;
    }
    before = current;
    rc = advanceRecallCase(current, stepInput(entry, by.person, pushed));
  }
  if (!rc.ok) return refuse(rc.error.code, `Recall case ${pushed.id}: ${rc.error.message}`);
  const replayed = rc.value;
  if (
    replayed.step !== pushed.step ||
    replayed.quarantinedUnits !== pushed.quarantinedUnits ||
    replayed.disposition !== pushed.disposition
  ) {
    return refuse(
      'CASE_STATE_MISMATCH',
      `Recall case ${pushed.id} says "${pushed.step}", but its history leads to "${replayed.step}"; nothing was stored.`,
    );
  }
  return { ok: true };
}

/**
 * The same step recorded on two PCs while both were offline: their merge (recall-case-merge.ts)
 * keeps both entries. Each must be a step its person could have taken from where the case stood
 * before it; the case goes on from the merge of the two, and the next step is timed against the
 * earlier of them (it follows at least that one).
 */
function concurrentStep(
  before: RecallCase | undefined,
  current: RecallCase,
  entry: RecallCaseEntry,
  by: { id: string; role: Role },
  pushed: RecallCase,
): RecallCaseResult {
  const alternative = before
    ? advanceRecallCase(before, stepInput(entry, by, pushed))
    : openRecallCase({
        id: pushed.id,
        facilityId: pushed.facilityId,
        noticeId: pushed.noticeId,
        at: entry.at,
        by,
        ...(entry.note !== undefined ? { note: entry.note } : {}),
      });
  if (!alternative.ok) return alternative;
  const merged = mergeRecallCases(current, alternative.value);
  if (!merged.ok) {
    return { ok: false, error: { code: 'STEP_OUT_OF_ORDER', message: merged.error.message } };
  }
  const earliest = merged.value.history
    .filter((e) => e.step === entry.step)
    .map((e) => e.at)
    .reduce((a, b) => (Date.parse(b) < Date.parse(a) ? b : a));
  return {
    ok: true,
    value: {
      ...merged.value,
      history: merged.value.history.map((e) =>
        e.step === entry.step ? { ...e, at: earliest } : e,
      ),
    },
  };
}

function stepInput(entry: RecallCaseEntry, by: { id: string; role: Role }, pushed: RecallCase) {
  return {
    step: entry.step,
    at: entry.at,
    by,
    ...(entry.note !== undefined ? { note: entry.note } : {}),
    ...(entry.units !== undefined ? { units: entry.units } : {}),
    ...(entry.step === 'disposed' && pushed.disposition !== undefined
      ? { disposition: pushed.disposition }
      : {}),
  };
}

/**
 * A pushed supply request: the steps it gains over the stored one are replayed through the one
 * request machine (takeRequestStep), one after another from where the centre has it, each by a
 * person whose role may take it, with what that step records (approval level and policy version,
 * quantities) exactly as the machine would record it. A new request starts as a draft by the
 * person who raised it.
 */
/** The ward's steps that two of its PCs may each take offline on one request. */
const REPEATABLE_BY_THE_WARD: ReadonlySet<RequestStatus> = new Set<RequestStatus>([
  'submitted',
  'cancelled',
]);

/**
 * How many times the ward's step may stand in one history: one per PC that took it offline, with
 * room to spare; a PC that adds more is filling the history (500 entries at most) to block the
 * request's later steps.
 */
const MAX_WARD_REPEATS = 10;

export function checkPushedRequest(
  stored: SupplyRequest | undefined,
  pushed: SupplyRequest,
  people: People,
): PushedCheck {
  const lost = stored?.history.find(
    (old) => !pushed.history.some((e) => e.status === old.status && sameEntry(e, old)),
  );
  if (lost) {
    return refuse(
      'HISTORY_REWRITTEN',
      `Request ${pushed.id}: its "${lost.status}" step is missing from what was sent; a step once recorded is never removed.`,
    );
  }
  const substitutions = checkPushedSubstitutions(stored, pushed, people);
  if (!substitutions.ok) return substitutions;
  const storedKeys = new Set((stored?.history ?? []).map(entryKey));
  const added = pushed.history.filter((e) => !storedKeys.has(entryKey(e)));
  let current: SupplyRequest;
  if (stored) {
    // The steps are replayed with the decisions as sent (checked above): a shipment of an accepted
    // substitute follows its acceptance.
    current = withSubstitutions(stored, pushed);
  } else {
    const creator = people(pushed.createdBy);
    if (!creator.ok) return creator;
    const acts: Act[] =
      pushed.kind === 'urgent' ? ['request.draft', 'request.urgent'] : ['request.draft'];
    for (const act of acts) {
      const decision = authorize(act, { actor: creator.person });
      if (!decision.ok)
        return refuse(decision.error.code, `Request ${pushed.id}: ${decision.error.message}`);
    }
    const first = added.shift();
    if (!first || first.status !== 'draft' || first.by !== pushed.createdBy) {
      return refuse(
        'INVALID_TRANSITION',
        `Request ${pushed.id} must start as a draft by the person who raised it; nothing was stored.`,
      );
    }
    current = { ...pushed, status: 'draft', history: [first] };
  }
  // Every status the request has been in, for steps taken concurrently (below).
  const path = new Set<RequestStatus>([...current.history.map((e) => e.status), current.status]);
  for (const entry of added) {
    const by = people(entry.by);
    if (!by.ok) return by;
    const step = takeRequestStep(current, stepOf(entry), { kind: 'person', person: by.person });
    if (step.ok && step.value.history.some((e) => entryKey(e) === entryKey(entry))) {
      current = step.value;
      path.add(entry.status);
      continue;
    }
    // A step taken on a PC while the centre moved the request on (the ward cancels as the centre
    // ships): legal from where that PC saw it, and the merge keeps the further status, so it
    // stands when it outranks where the request is now. Its person must still be allowed to.
    // So is the ward's own step taken again on a second PC before the first reached it (two PCs
    // submit or cancel one request offline): the merge keeps both entries, so the centre records
    // both, or the PCs would never agree with it. It changes no status.
    const concurrent =
      !step.ok &&
      step.error.code === 'INVALID_TRANSITION' &&
      (STATUS_RANK[entry.status] > STATUS_RANK[current.status] ||
        (REPEATABLE_BY_THE_WARD.has(entry.status) &&
          path.has(entry.status) &&
          current.history.filter((e) => e.status === entry.status).length < MAX_WARD_REPEATS)) &&
      [...path].some((earlier) => canTransition(earlier, entry.status));
    if (!concurrent) {
      return refuse(
        step.ok ? 'STEP_MISRECORDED' : step.error.code,
        step.ok
          ? `Request ${pushed.id}: its ${entry.status} step does not record what the request machine records; nothing was stored.`
          : `Request ${pushed.id} cannot go from ${current.status} to ${entry.status}: ${step.error.message} Nothing was stored.`,
      );
    }
    const decision = authorize(actOfEntry(entry), {
      actor: by.person,
      earlier: earlierActs(current),
    });
    if (!decision.ok)
      return refuse(decision.error.code, `Request ${pushed.id}: ${decision.error.message}`);
    const history = unionHistories(current.history, [entry]);
    current = {
      ...current,
      history,
      status: settledStatus({ ...current, history }, current.status),
    };
    current = { ...current, status: furtherStatus(current.status, entry.status) };
    path.add(entry.status);
  }
  const expected = settledStatus(pushed, current.status);
  if (expected !== pushed.status) {
    return refuse(
      'INVALID_TRANSITION',
      `Request ${pushed.id} says ${pushed.status}, but its history leads to ${expected}; nothing was stored.`,
    );
  }
  return { ok: true };
}

function withSubstitutions(stored: SupplyRequest, pushed: SupplyRequest): SupplyRequest {
  const current = { ...stored };
  if (pushed.substitutions === undefined) delete current.substitutions;
  else current.substitutions = pushed.substitutions;
  return current;
}

function entryKey(entry: RequestHistoryEntry): string {
  return JSON.stringify(cleanEntry(entry));
}

function stepOf(entry: RequestHistoryEntry): RequestStep {
  return {
    to: entry.status,
    at: entry.at,
    ...(entry.note !== undefined ? { note: entry.note } : {}),
    ...(entry.lines !== undefined ? { lines: entry.lines } : {}),
    ...(entry.status === 'acknowledged'
      ? { approval: { policyVersion: entry.policyVersion ?? 0, levels: entry.levels ?? 1 } }
      : {}),
  };
}
