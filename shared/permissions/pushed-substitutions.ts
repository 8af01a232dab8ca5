import type { Substitution, SupplyRequest } from '../model';
import { decisionText, earlierDecision, proposalText } from '../replenishment/substitution';
import { authorize, type PersonResult } from './decide';
import type { PushedCheck } from './pushed-workflow';

/**
 * What the centre asks of the substitutions a PC pushes on a supply request. The proposals are
 * the centre's: a PC never adds, changes or removes one. The decisions are the ward's: each new
 * one is taken by an active person of the facility whose role may decide, with a clinical note,
 * and a decision once recorded is kept, or replaced only by an earlier one on the same proposal
 * (what the merge keeps when two PCs decided offline).
 */
export function checkPushedSubstitutions(
  stored: SupplyRequest | undefined,
  pushed: SupplyRequest,
  people: (id: string) => PersonResult,
): PushedCheck {
  const refuse = (code: string, message: string): PushedCheck => ({
    ok: false,
    error: { code, message: `Request ${pushed.id}: ${message} Nothing was stored.` },
  });
  const before = new Map((stored?.substitutions ?? []).map((s) => [s.id, s]));
  const after = new Map((pushed.substitutions ?? []).map((s) => [s.id, s]));
  if (after.size !== (pushed.substitutions ?? []).length)
    return refuse('SUBSTITUTION_REWRITTEN', 'a proposed substitute is listed twice.');
  for (const [id, old] of before) {
    const now = after.get(id);
    if (!now || proposalText(now) !== proposalText(old)) {
      return refuse(
        'SUBSTITUTION_REWRITTEN',
        `the centre's proposal ${id} (${old.itemId} for ${old.lineItemId}) is missing or changed in what was sent; only the centre proposes substitutes.`,
      );
    }
  }
  for (const [id, s] of after) {
    const old = before.get(id);
    if (!old) {
      return refuse(
        'SUBSTITUTION_NOT_THE_STOCKROOMS',
        `proposal ${id} is not one the centre made; only the console or the ERP proposes substitutes.`,
      );
    }
    const problem = decisionChangeProblem(old, s, people);
    if (problem) return refuse(problem.code, problem.message);
  }
  return { ok: true };
}

function decisionChangeProblem(
  old: Substitution,
  now: Substitution,
  people: (id: string) => PersonResult,
): { code: string; message: string } | undefined {
  const was = old.decision;
  const is = now.decision;
  if (was && !is) {
    return {
      code: 'SUBSTITUTION_REWRITTEN',
      message: `the decision on ${old.itemId} by ${was.by} is missing from what was sent; a decision once recorded is kept.`,
    };
  }
  if (!is || (was && decisionText(was) === decisionText(is))) return undefined;
  if (was && earlierDecision(was, is) !== is) {
    return {
      code: 'SUBSTITUTION_REWRITTEN',
      message: `${old.itemId} was already ${was.outcome} by ${was.by}; a later decision does not replace it.`,
    };
  }
  const person = people(is.by);
  if (!person.ok) return person.error;
  const allowed = authorize('request.substitution', { actor: person.person });
  if (!allowed.ok) return allowed.error;
  const refusalMatches = (is.outcome === 'refused') === (is.refusal !== undefined);
  if (is.note.trim() === '' || !refusalMatches || Number.isNaN(Date.parse(is.at))) {
    return {
      code: 'SUBSTITUTE_DECISION_INVALID',
      message: `the decision on ${old.itemId} needs a clinical note, a time, and (refused only) whether the line waits or is cancelled.`,
    };
  }
  return undefined;
}
