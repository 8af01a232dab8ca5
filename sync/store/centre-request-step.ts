import type { FastifyRequest } from 'fastify';
import type { Kysely, Transaction } from 'kysely';
import type { RequestStatus, StepLine, SupplyRequest } from '../../shared/model';
import { takeRequestStep } from '../../shared/replenishment/request-step';
import type { Database } from '../db/schema';
import { HttpError } from '../http/errors';
import { storeIdempotentAnswer } from '../http/idempotency';
import { enqueueWebhooks } from '../webhooks/outbox';
import { requestStepWebhooks } from '../webhooks/request-steps';
import { substitutionWebhooks } from '../webhooks/request-substitutions';
import { centreApprovalRequirement } from './approval-policies';
import { findDocuments, writeDocument } from './documents';
import { notifyChange } from './notify';
import { sequencedWrite } from './sequenced';

/** Codes of the request machine that mean "not from where the request is now". */
const CONFLICTS = new Set(['INVALID_TRANSITION', 'APPROVAL_PENDING']);

export interface CentreStep {
  status: RequestStatus;
  at: string;
  note?: string | undefined;
  lines?: StepLine[] | undefined;
  /** Recorded as the step's `by`: "erp:<key>:<user>" or "console:<user>". */
  by: string;
  /** Who wrote the document, for the store's own record. */
  writtenBy: string;
}

/**
 * A step the centre takes on a supply request (the ERP through its key, a buyer in the console),
 * through the one request machine: acknowledging records what the facility's approval policy
 * demands, evaluated here with the PC's function; each new step reaches the ERP's webhooks as
 * supply_request.step; the answer is kept for the request's Idempotency-Key in the same
 * transaction.
 */
export async function takeCentreRequestStep(
  db: Kysely<Database>,
  channel: string,
  request: FastifyRequest,
  requestId: string,
  step: CentreStep,
): Promise<SupplyRequest> {
  return changeCentreRequest(
    db,
    channel,
    request,
    requestId,
    step.writtenBy,
    async (trx, before) => {
      const approval =
        step.status === 'acknowledged' ? await centreApprovalRequirement(trx, before) : undefined;
      return takeRequestStep(
        before,
        {
          to: step.status,
          at: step.at,
          ...(step.note !== undefined ? { note: step.note } : {}),
          ...(step.lines !== undefined ? { lines: step.lines } : {}),
          ...(approval !== undefined ? { approval } : {}),
        },
        { kind: 'centre', by: step.by },
      );
    },
  );
}

/** Codes that mean "the request is not where this change needs it": 409. */
const CHANGE_CONFLICTS = new Set([
  ...CONFLICTS,
  'SUBSTITUTION_NOT_OPEN',
  'SUBSTITUTE_LINE_SHIPPED',
  'SUBSTITUTE_LINE_SETTLED',
  'SUBSTITUTE_ALREADY_PROPOSED',
]);

/**
 * One change the centre makes to a stored supply request, decided by a shared function on the
 * version read under lock: written with the webhooks of the steps and substitutions it adds, a
 * notice to the live streams, and the answer kept for the Idempotency-Key, in one transaction.
 */
export async function changeCentreRequest(
  db: Kysely<Database>,
  channel: string,
  request: FastifyRequest,
  requestId: string,
  writtenBy: string,
  change: (
    trx: Transaction<Database>,
    before: SupplyRequest,
  ) => Promise<
    { ok: true; value: SupplyRequest } | { ok: false; error: { code: string; message: string } }
  >,
): Promise<SupplyRequest> {
  return sequencedWrite(
    db,
    async (trx) => {
      const current = (await findDocuments(trx, 'supply_requests', [requestId])).get(requestId);
      if (!current || current.deleted) {
        throw new HttpError(404, 'REQUEST_UNKNOWN', `There is no supply request "${requestId}".`);
      }
      const before = current.body as SupplyRequest;
      const moved = await change(trx, before);
      if (!moved.ok) {
        const code = moved.error.code;
        const httpStatus = CHANGE_CONFLICTS.has(code)
          ? 409
          : code === 'STEP_NOT_PERMITTED'
            ? 403
            : 422;
        throw new HttpError(httpStatus, code, moved.error.message);
      }
      await writeDocument(trx, {
        collection: 'supply_requests',
        body: moved.value,
        deleted: false,
        writtenBy,
      });
      await enqueueWebhooks(trx, [
        ...requestStepWebhooks(before, moved.value),
        ...substitutionWebhooks(before, moved.value),
      ]);
      await notifyChange(trx, channel, {
        collection: 'supply_requests',
        facilities: current.facilities,
      });
      await storeIdempotentAnswer(trx, request, 200, moved.value);
      return moved.value;
    },
    { collection: 'supply_requests', ids: [requestId] },
  );
}
