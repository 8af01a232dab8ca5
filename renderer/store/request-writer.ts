import type { RequestStatus, StepLine, SupplyRequest } from '../../shared/model';
import { authorize, type Act } from '../../shared/permissions';
import { transition } from '../../shared/replenishment/request-status';
import { takeRequestStep } from '../../shared/replenishment/request-step';
import { localApprovalRequirement } from './approval-policy-local';
import type { StockroomDatabase } from './collections';
import { requestOnThisPc } from './request-on-this-pc';
import { writerIdentities } from './writer-identity';

export type RequestWriteResult =
  { ok: true; request: SupplyRequest } | { ok: false; code: string; message: string };

interface RequestContext {
  facilityId: string;
  /** The signed-in person; their role comes from the local users. */
  actorId: string;
  now: () => Date;
}

/**
 * Raises a request (a draft made by the signed-in person, submitted at once) after the permission
 * model says this person may: an urgent request needs `request.urgent`, so a tech cannot raise one.
 */
export async function raiseRequestAs(
  db: StockroomDatabase,
  context: RequestContext,
  fields: Omit<SupplyRequest, 'facilityId' | 'status' | 'history' | 'createdBy' | 'createdAt'>,
): Promise<RequestWriteResult> {
  const who = await writerIdentities(db, context.facilityId, context.actorId, undefined);
  if (!who.ok) return refused(who.problems[0]);
  const acts: Act[] = ['request.draft', 'request.submitted'];
  if (fields.kind === 'urgent') acts.push('request.urgent');
  for (const act of acts) {
    const decision = authorize(act, { actor: who.actor });
    if (!decision.ok) return { ok: false, ...decision.error };
  }
  const at = context.now().toISOString();
  const draft: SupplyRequest = {
    ...fields,
    facilityId: context.facilityId,
    status: 'draft',
    history: [{ status: 'draft', at, by: who.actor.id }],
    createdBy: who.actor.id,
    createdAt: at,
  };
  const submitted = transition(draft, 'submitted', { at, by: who.actor.id });
  if (!submitted.ok) return { ok: false, ...submitted.error };
  await db.supply_requests.insert(submitted.value);
  return { ok: true, request: submitted.value };
}

export interface StepDetails {
  /** The reason of a cancellation or rejection, or a comment. */
  note?: string;
  /** A partial shipment or receipt: what this step moved. Absent: everything outstanding. */
  lines?: StepLine[];
}

/**
 * Moves a stored request one step through the one request machine (shared/replenishment
 * takeRequestStep), as the signed-in person: their role must allow the step, and the requester
 * never approves their own request. Acknowledging records what this PC's approval policy demands.
 */
export async function moveRequestAs(
  db: StockroomDatabase,
  context: RequestContext,
  requestId: string,
  to: RequestStatus,
  details: StepDetails | string = {},
): Promise<RequestWriteResult> {
  const { note, lines } =
    typeof details === 'string' ? { note: details, lines: undefined } : details;
  const found = await requestOnThisPc(db, context, requestId);
  if (!found.ok) return found;
  const { stored, actor } = found;
  const approval = to === 'acknowledged' ? await localApprovalRequirement(db, stored) : undefined;
  const moved = takeRequestStep(
    stored,
    {
      to,
      at: context.now().toISOString(),
      ...(note !== undefined ? { note } : {}),
      ...(lines !== undefined ? { lines } : {}),
      ...(approval !== undefined ? { approval } : {}),
    },
    { kind: 'person', person: actor },
  );
  if (!moved.ok) return { ok: false, ...moved.error };
  await db.supply_requests.upsert(moved.value);
  return { ok: true, request: moved.value };
}

function refused(problem: { code: string; message: string } | undefined): RequestWriteResult {
  return {
    ok: false,
    code: problem?.code ?? 'REFUSED',
    message: problem?.message ?? 'Refused.',
  };
}
