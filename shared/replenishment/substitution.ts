import type {
  RefusalAction,
  RequestLine,
  RequestStatus,
  Substitution,
  SubstitutionDecision,
  SupplyRequest,
} from '../model';
import { authorize, type Person } from '../permissions/decide';
import { compareInstants, compareText } from './request-history';
import type { StepOutcome } from './request-step';
import { fail, succeed, type Outcome } from './result';

/**
 * Substitutes for a line the centre cannot fill (issue 15, point 4). The centre proposes; the
 * requesting ward accepts or refuses each proposal with a clinical note, on its PC and offline
 * too. Nothing here rewrites `lines` (the facility's part, frozen at submission, request-merge.ts):
 * what is to be picked, shipped and received is read from the lines and the decisions together
 * (`effectiveLines`), so two PCs, the console and the ERP that each hold part of the decisions
 * agree once their versions are merged.
 *
 * Per line, the first decision that changes it takes effect: an acceptance (the substitute
 * replaces the line) or a refusal that cancels the line. "First" is by the decision's time, then
 * the proposal id, so every holder of the same decisions picks the same one; only an accepted
 * substitute already shipped (two PCs of the ward decided offline, one shipped) goes before it,
 * because what left the shelf must be accounted for. A change lapses when any of the item asked
 * for has been shipped on the line: the ward then gets what it asked for, never a substitute on
 * top.
 */

export type SubstitutionState =
  /** Waiting for the ward's decision. */
  | 'open'
  /** Accepted: the substitute replaces the line. */
  | 'accepted'
  | 'refused'
  /** Another decision on the same line took effect first (an acceptance or a cancellation). */
  | 'superseded'
  /** The item asked for was shipped on the line, so the proposal no longer applies. */
  | 'lapsed';

type WithSubstitutions = Pick<SupplyRequest, 'lines' | 'history' | 'substitutions'>;

/** Statuses in which the centre may still propose: submitted and not finished. */
const PROPOSABLE: ReadonlySet<RequestStatus> = new Set<RequestStatus>([
  'submitted',
  'acknowledged',
  'approved',
  'ordered',
  'picking',
  'shipped',
]);

const FINAL: ReadonlySet<RequestStatus> = new Set<RequestStatus>([
  'received',
  'rejected',
  'cancelled',
]);

/** Whether any of the item asked for on this line has been shipped. */
function originalShipped(request: WithSubstitutions, lineItemId: string): boolean {
  return request.history.some(
    (e) =>
      e.status === 'shipped' &&
      (e.lines === undefined || e.lines.some((l) => l.itemId === lineItemId && l.quantity > 0)),
  );
}

function changesLine(decision: SubstitutionDecision | undefined): boolean {
  return (
    decision !== undefined &&
    (decision.outcome === 'accepted' || decision.refusal === 'cancel-line')
  );
}

type Decided = Substitution & { decision: SubstitutionDecision };

/**
 * Which of two line-changing decisions stands: one whose substitute has already been shipped
 * (a fact on the shelf outranks a decision), else the earlier, else the smaller proposal id.
 */
function compareDecided(request: WithSubstitutions, a: Decided, b: Decided): number {
  const shippedA = a.decision.outcome === 'accepted' && itemShipped(request, a.itemId) ? 0 : 1;
  const shippedB = b.decision.outcome === 'accepted' && itemShipped(request, b.itemId) ? 0 : 1;
  return (
    shippedA - shippedB || compareInstants(a.decision.at, b.decision.at) || compareText(a.id, b.id)
  );
}

function itemShipped(request: WithSubstitutions, itemId: string): boolean {
  return request.history.some(
    (e) => e.status === 'shipped' && e.lines?.some((l) => l.itemId === itemId && l.quantity > 0),
  );
}

/** Per original line: the proposal whose decision changes it, if one does and has not lapsed. */
function lineChanges(request: WithSubstitutions): Map<string, Decided> {
  const changes = new Map<string, Decided>();
  for (const s of request.substitutions ?? []) {
    const decision = s.decision;
    if (!decision || !changesLine(decision) || originalShipped(request, s.lineItemId)) continue;
    const decided = { ...s, decision };
    const first = changes.get(s.lineItemId);
    if (!first || compareDecided(request, decided, first) < 0) changes.set(s.lineItemId, decided);
  }
  return changes;
}

/** Where each proposal stands, by proposal id. */
export function substitutionStates(request: WithSubstitutions): Map<string, SubstitutionState> {
  const changes = lineChanges(request);
  const states = new Map<string, SubstitutionState>();
  for (const s of request.substitutions ?? []) {
    const change = changes.get(s.lineItemId);
    let state: SubstitutionState;
    if (s.decision?.outcome === 'refused') state = 'refused';
    else if (originalShipped(request, s.lineItemId)) state = 'lapsed';
    else if (change?.id === s.id) state = 'accepted';
    else if (change) state = 'superseded';
    else state = s.decision ? 'superseded' : 'open';
    states.set(s.id, state);
  }
  return states;
}

/** Whether the centre may still propose substitutes on a request in `status`. */
export function substitutesProposable(status: RequestStatus): boolean {
  return PROPOSABLE.has(status);
}

/** The proposals still waiting for the ward, for its dashboard and the request card. */
export function openSubstitutions(request: WithSubstitutions & Pick<SupplyRequest, 'status'>) {
  if (FINAL.has(request.status)) return [];
  const states = substitutionStates(request);
  return (request.substitutions ?? []).filter((s) => states.get(s.id) === 'open');
}

/**
 * What the request asks for now: each line as submitted, replaced by its accepted substitute, or
 * gone when the ward cancelled it. Picking, shipping, receiving and fill rate read these.
 */
export function effectiveLines(request: WithSubstitutions): RequestLine[] {
  const changes = lineChanges(request);
  const lines: RequestLine[] = [];
  for (const line of request.lines) {
    const change = changes.get(line.itemId);
    if (!change) lines.push(line);
    else if (change.decision.outcome === 'accepted')
      lines.push({ itemId: change.itemId, quantity: change.quantity });
  }
  return lines;
}

export interface ProposedSubstitute {
  lineItemId: string;
  itemId: string;
  quantity: number;
  reason: string;
}

/**
 * The centre proposes substitutes (the console's buyer or the ERP, named in `by`). Each is for a
 * line nothing has been shipped on and no decision has settled, and names an item that is not
 * already on the request, so every shipment and receipt still names one line by its item.
 */
export function proposeSubstitutes(
  request: SupplyRequest,
  proposals: readonly ProposedSubstitute[],
  stamp: { at: string; by: string },
): Outcome<SupplyRequest> {
  if (!PROPOSABLE.has(request.status)) {
    return fail(
      'SUBSTITUTION_NOT_OPEN',
      request.status === 'draft'
        ? `Request ${request.id} is still a draft: substitutes are proposed once it is submitted.`
        : `Request ${request.id} is ${request.status}: substitutes can no longer be proposed.`,
    );
  }
  if (stamp.by.trim() === '' || Number.isNaN(Date.parse(stamp.at))) {
    return fail(
      'TRANSITION_INPUT_INVALID',
      `Say who proposes the substitutes for request ${request.id}, and when.`,
    );
  }
  const existing = request.substitutions ?? [];
  if (proposals.length === 0)
    return fail('SUBSTITUTE_INVALID', `Name at least one substitute for request ${request.id}.`);
  if (existing.length + proposals.length > 100) {
    return fail(
      'SUBSTITUTE_INVALID',
      `Request ${request.id} already has ${existing.length} proposals; at most 100 are kept. Cancel the request and raise a new one.`,
    );
  }
  const changes = lineChanges(request);
  const requested = new Set(request.lines.map((l) => l.itemId));
  const added: Substitution[] = [];
  for (const p of proposals) {
    const problem = proposalProblem(request, p, { changes, requested, existing, added });
    if (problem) return problem;
    added.push({
      id: `S${existing.length + added.length + 1}`,
      lineItemId: p.lineItemId,
      itemId: p.itemId,
      quantity: p.quantity,
      reason: p.reason.trim(),
      proposedAt: stamp.at,
      proposedBy: stamp.by,
    });
  }
  return succeed({ ...request, substitutions: [...existing, ...added] });
}

function proposalProblem(
  request: SupplyRequest,
  p: ProposedSubstitute,
  seen: {
    changes: Map<string, Decided>;
    requested: Set<string>;
    existing: readonly Substitution[];
    added: readonly Substitution[];
  },
): Outcome<SupplyRequest> | undefined {
  const id = request.id;
  if (!seen.requested.has(p.lineItemId))
    return fail('SUBSTITUTE_LINE_UNKNOWN', `Request ${id} has no line for ${p.lineItemId}.`);
  if (originalShipped(request, p.lineItemId)) {
    return fail(
      'SUBSTITUTE_LINE_SHIPPED',
      `Request ${id}: ${p.lineItemId} has already been shipped on this line, so it cannot be substituted. Ship the rest as asked, or cancel it with the ward.`,
    );
  }
  const change = seen.changes.get(p.lineItemId);
  if (change) {
    return fail(
      'SUBSTITUTE_LINE_SETTLED',
      change.decision.outcome === 'accepted'
        ? `Request ${id}: the ward already accepted ${change.itemId} for ${p.lineItemId}.`
        : `Request ${id}: the ward cancelled the line for ${p.lineItemId}.`,
    );
  }
  if (p.itemId === p.lineItemId || seen.requested.has(p.itemId)) {
    return fail(
      'SUBSTITUTE_INVALID',
      `Request ${id}: ${p.itemId} is already asked for on this request; a substitute must be another item (change the quantity with the ward instead).`,
    );
  }
  const all = [...seen.existing, ...seen.added];
  if (all.some((s) => s.itemId === p.itemId && s.lineItemId !== p.lineItemId)) {
    return fail(
      'SUBSTITUTE_INVALID',
      `Request ${id}: ${p.itemId} is already proposed for another line; propose it for one line only.`,
    );
  }
  if (all.some((s) => s.itemId === p.itemId && s.lineItemId === p.lineItemId && !s.decision)) {
    return fail(
      'SUBSTITUTE_ALREADY_PROPOSED',
      `Request ${id}: ${p.itemId} is already proposed for ${p.lineItemId} and waits for the ward.`,
    );
  }
  if (!Number.isInteger(p.quantity) || p.quantity < 1)
    return fail('SUBSTITUTE_INVALID', `Request ${id}: give a whole number of units, 1 or more.`);
  if (p.reason.trim() === '') {
    return fail(
      'REASON_REQUIRED',
      `Say why ${p.lineItemId} cannot be filled and why ${p.itemId} would do: the ward reads it.`,
    );
  }
  return undefined;
}

export interface SubstituteDecisionInput {
  outcome: 'accepted' | 'refused';
  note: string;
  /** Refused: whether the line keeps waiting for the item asked for, or is cancelled. */
  refusal?: RefusalAction;
}

/**
 * The ward's decision on one proposal, by a person whose role may decide (a nurse manager, or a
 * supervisor for the stockroom's own requests), always with a clinical note.
 */
export function decideSubstitute(
  request: SupplyRequest,
  proposalId: string,
  input: SubstituteDecisionInput,
  actor: { person: Person; at: string },
): StepOutcome {
  const allowed = authorize('request.substitution', { actor: actor.person });
  if (!allowed.ok) {
    return {
      ok: false,
      error: {
        code: allowed.error.code,
        message: `Request ${request.id}: ${allowed.error.message}`,
      },
    };
  }
  const problem = decisionProblem(request, proposalId, input);
  if (problem) return fail(problem.code, problem.message);
  if (Number.isNaN(Date.parse(actor.at)))
    return fail('TRANSITION_INPUT_INVALID', `Check the PC clock, then decide again.`);
  const decision: SubstitutionDecision = {
    outcome: input.outcome,
    at: actor.at,
    by: actor.person.id,
    note: input.note.trim(),
    ...(input.outcome === 'refused' && input.refusal !== undefined
      ? { refusal: input.refusal }
      : {}),
  };
  const substitutions = (request.substitutions ?? []).map((s) =>
    s.id === proposalId ? { ...s, decision } : s,
  );
  return succeed({ ...request, substitutions });
}

/** Why this decision cannot be recorded on this request as it stands, if it cannot. */
export function decisionProblem(
  request: SupplyRequest,
  proposalId: string,
  input: SubstituteDecisionInput,
): { code: 'SUBSTITUTE_DECISION_INVALID' | 'SUBSTITUTION_NOT_OPEN'; message: string } | undefined {
  const proposal = request.substitutions?.find((s) => s.id === proposalId);
  if (!proposal) {
    return {
      code: 'SUBSTITUTION_NOT_OPEN',
      message: `Request ${request.id} has no proposed substitute ${proposalId}: sync, then look again.`,
    };
  }
  if (FINAL.has(request.status)) {
    return {
      code: 'SUBSTITUTION_NOT_OPEN',
      message: `Request ${request.id} is ${request.status}: its substitutes can no longer be decided.`,
    };
  }
  const state = substitutionStates(request).get(proposalId);
  if (state !== 'open') {
    return {
      code: 'SUBSTITUTION_NOT_OPEN',
      message:
        state === 'lapsed'
          ? `Request ${request.id}: ${proposal.lineItemId} has been shipped as asked, so the substitute no longer applies.`
          : proposal.decision
            ? `Request ${request.id}: the substitute ${proposal.itemId} was already ${proposal.decision.outcome} by ${proposal.decision.by}.`
            : `Request ${request.id}: the line for ${proposal.lineItemId} was already settled by another decision.`,
    };
  }
  if (input.note.trim() === '') {
    return {
      code: 'SUBSTITUTE_DECISION_INVALID',
      message: `Write a clinical note: why ${proposal.itemId} is or is not acceptable for this ward.`,
    };
  }
  if (input.outcome === 'refused' && input.refusal === undefined) {
    return {
      code: 'SUBSTITUTE_DECISION_INVALID',
      message: `Say whether the line for ${proposal.lineItemId} keeps waiting or is cancelled.`,
    };
  }
  if (input.outcome === 'accepted' && input.refusal !== undefined) {
    return {
      code: 'SUBSTITUTE_DECISION_INVALID',
      message: 'An acceptance keeps no refusal choice.',
    };
  }
  return undefined;
}

/**
 * Two versions' proposals united: each proposal once (by id); the centre writes a proposal once,
 * so two versions of one proposal differ only by the decision, and the earlier decision stands
 * (the later was taken without knowing of it). Commutative, associative and idempotent.
 */
export function mergeSubstitutions(
  a: readonly Substitution[] | undefined,
  b: readonly Substitution[] | undefined,
): Substitution[] | undefined {
  if (a === undefined && b === undefined) return undefined;
  const byId = new Map<string, Substitution>();
  for (const s of [...(a ?? []), ...(b ?? [])]) {
    const other = byId.get(s.id);
    byId.set(s.id, other ? mergeProposal(other, s) : cleanProposal(s));
  }
  return [...byId.values()].sort(
    (x, y) => compareInstants(x.proposedAt, y.proposedAt) || compareText(x.id, y.id),
  );
}

function mergeProposal(a: Substitution, b: Substitution): Substitution {
  const content = compareText(proposalText(a), proposalText(b)) <= 0 ? a : b;
  const decision = earlierDecision(a.decision, b.decision);
  const merged = cleanProposal({ ...content, ...(decision ? { decision } : {}) });
  if (!decision) delete merged.decision;
  return merged;
}

export function earlierDecision(
  a: SubstitutionDecision | undefined,
  b: SubstitutionDecision | undefined,
): SubstitutionDecision | undefined {
  if (!a || !b) return a ?? b;
  return (compareInstants(a.at, b.at) || compareText(decisionText(a), decisionText(b))) <= 0
    ? a
    : b;
}

/** The proposal without its decision, as one comparable text. */
export function proposalText(s: Substitution): string {
  return JSON.stringify([
    s.id,
    s.lineItemId,
    s.itemId,
    s.quantity,
    s.reason,
    s.proposedAt,
    s.proposedBy,
  ]);
}

export function decisionText(d: SubstitutionDecision): string {
  return JSON.stringify([d.outcome, d.at, d.by, d.note, d.refusal ?? null]);
}

function cleanProposal(s: Substitution): Substitution {
  const { id, lineItemId, itemId, quantity, reason, proposedAt, proposedBy, decision } = s;
  const clean: Substitution = { id, lineItemId, itemId, quantity, reason, proposedAt, proposedBy };
  if (decision) {
    const { outcome, at, by, note, refusal } = decision;
    clean.decision = { outcome, at, by, note, ...(refusal !== undefined ? { refusal } : {}) };
  }
  return clean;
}
