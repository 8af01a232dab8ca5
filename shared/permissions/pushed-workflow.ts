import type { RecallCase, RecallCaseEntry, Role, SupplyRequest } from '../model';
import { advanceRecallCase, openRecallCase } from '../recall/recall-case-flow';
import { canTransition } from '../replenishment/request-status';
import { requestAct, type Act } from './acts';
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
  for (const entry of rest) {
    if (!rc.ok) break;
    const by = people(entry.by);
    if (!by.ok) return by;
    rc = advanceRecallCase(rc.value, stepInput(entry, by.person, pushed));
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
 * A pushed supply request: the steps it gains over the stored one follow the state machine, one
 * after another from where the centre has it, each by a person whose role may take it (so never
 * an approval: that is the centre's). A new request starts as a draft by the person who raised it.
 */
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
  const added = pushed.history.filter(
    (e) => !stored?.history.some((old) => old.status === e.status && sameEntry(e, old)),
  );
  let from = stored?.status;
  if (!stored) {
    const creator = people(pushed.createdBy);
    if (!creator.ok) return creator;
    const acts: Act[] = pushed.kind === 'urgent' ? ['request.draft', 'request.urgent'] : [];
    if (pushed.kind !== 'urgent') acts.push('request.draft');
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
    from = 'draft';
  }
  for (const entry of added) {
    if (from === undefined || !canTransition(from, entry.status)) {
      return refuse(
        'INVALID_TRANSITION',
        `Request ${pushed.id} cannot go from ${from ?? 'nothing'} to ${entry.status}; nothing was stored.`,
      );
    }
    const by = people(entry.by);
    if (!by.ok) return by;
    const decision = authorize(requestAct(entry.status), { actor: by.person });
    if (!decision.ok)
      return refuse(decision.error.code, `Request ${pushed.id}: ${decision.error.message}`);
    from = entry.status;
  }
  if (from !== pushed.status) {
    return refuse(
      'INVALID_TRANSITION',
      `Request ${pushed.id} says ${pushed.status}, but its history leads to ${from ?? 'nothing'}; nothing was stored.`,
    );
  }
  return { ok: true };
}
