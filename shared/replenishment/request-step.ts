import type { RequestHistoryEntry, RequestStatus, StepLine, SupplyRequest } from '../model';
import { authorize, type PermissionErrorCode, type Person } from '../permissions/decide';
import { requestAct, type Act } from '../permissions/acts';
import { nextApprovalLevel, transition } from './request-status';
import { fail, type ReplenishmentErrorCode } from './result';

export type StepOutcome =
  | { ok: true; value: SupplyRequest }
  | { ok: false; error: { code: ReplenishmentErrorCode | PermissionErrorCode; message: string } };

/**
 * Who takes a step: a person of the facility (on a PC, checked against the permission model), or
 * the centre (the ERP through its API key, naming its user; the console's buyer), whose steps
 * the centre's own authentication vouches for.
 */
export type StepActor = { kind: 'person'; person: Person } | { kind: 'centre'; by: string };

export interface RequestStep {
  to: RequestStatus;
  at: string;
  note?: string;
  lines?: StepLine[];
  approval?: { policyVersion: number; levels: number };
}

/** Steps the centre takes; draft, submission and receipt belong to the requesting stockroom. */
export const CENTRE_STEPS: ReadonlySet<RequestStatus> = new Set<RequestStatus>([
  'acknowledged',
  'approved',
  'rejected',
  'ordered',
  'picking',
  'shipped',
  'cancelled',
]);

/** The act a history entry (or the next step) is, in the permission model's names. */
export function actOfEntry(entry: Pick<RequestHistoryEntry, 'status' | 'level'>): Act {
  return entry.status === 'approved' && entry.level === 2
    ? 'request.approved-second'
    : requestAct(entry.status);
}

/** Who took each step so far, for segregation of duties (the requester counts as the drafter). */
export function earlierActs(request: SupplyRequest): { act: Act; by: string }[] {
  return [
    { act: 'request.draft', by: request.createdBy },
    ...request.history.map((e) => ({ act: actOfEntry(e), by: e.by })),
  ];
}

/**
 * The one way a request moves, used by the PC's writer, the centre's push check and the ERP and
 * console routes: the state machine says whether the step exists from here, the permission model
 * whether this actor may take it (the requester never approves their own request; the second
 * level is never the first level's approver).
 */
export function takeRequestStep(
  request: SupplyRequest,
  step: RequestStep,
  actor: StepActor,
): StepOutcome {
  const by = actor.kind === 'person' ? actor.person.id : actor.by;
  if (actor.kind === 'centre') {
    if (!CENTRE_STEPS.has(step.to)) {
      return fail(
        'STEP_NOT_PERMITTED',
        `Only the requesting stockroom can make request ${request.id} ${step.to}.`,
      );
    }
  } else {
    const act =
      step.to === 'approved'
        ? actOfEntry({ status: 'approved', level: nextApprovalLevel(request) })
        : requestAct(step.to);
    const decision = authorize(act, { actor: actor.person, earlier: earlierActs(request) });
    if (!decision.ok)
      return decision.error.code === 'CENTRE_ONLY'
        ? { ok: false, error: decision.error }
        : {
            ok: false,
            error: {
              code: decision.error.code,
              message: `Request ${request.id}: ${decision.error.message}`,
            },
          };
  }
  return transition(request, step.to, {
    at: step.at,
    by,
    ...(step.note !== undefined ? { note: step.note } : {}),
    ...(step.lines !== undefined ? { lines: step.lines } : {}),
    ...(step.approval !== undefined ? { approval: step.approval } : {}),
  });
}
