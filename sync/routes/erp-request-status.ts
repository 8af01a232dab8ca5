import Type from 'typebox';
import {
  Id,
  Quantity,
  REQUEST_STATUSES,
  SafeName,
  SafeText,
  StringEnum,
  type SupplyRequest,
} from '../../shared/model';
import { takeRequestStep } from '../../shared/replenishment/request-step';
import { authenticateApiKey } from '../auth/api-key-auth';
import type { SyncApp, SyncContext } from '../context';
import { HttpError } from '../http/errors';
import { storeIdempotentAnswer } from '../http/idempotency';
import { centreApprovalRequirement } from '../store/approval-policies';
import { findDocuments, writeDocument } from '../store/documents';
import { notifyChange } from '../store/notify';
import { sequencedWrite } from '../store/sequenced';
import { enqueueWebhooks } from '../webhooks/outbox';
import { requestStepWebhooks } from '../webhooks/request-steps';
import { ErrorBody } from './collection-param';

const StatusBody = Type.Object(
  {
    status: StringEnum(REQUEST_STATUSES),
    by: SafeName({
      minLength: 1,
      maxLength: 40,
      description: 'The ERP user who took the step (recorded as "erp:<key name>:<by>")',
    }),
    at: Type.Optional(Type.String({ format: 'date-time', maxLength: 40 })),
    note: Type.Optional(
      SafeText({ maxLength: 1000, description: 'Required to cancel or reject: the reason' }),
    ),
    lines: Type.Optional(
      Type.Array(
        Type.Object(
          { itemId: Id('A line of the request'), quantity: Quantity() },
          { additionalProperties: false },
        ),
        {
          minItems: 1,
          maxItems: 500,
          description:
            'shipped: what this (partial) shipment holds; absent: everything still to ship',
        },
      ),
    ),
  },
  { additionalProperties: false },
);

/** Codes of the request machine that mean "not from where the request is now". */
const CONFLICTS = new Set(['INVALID_TRANSITION', 'APPROVAL_PENDING']);

/**
 * The ERP moves a request through the one request machine (shared takeRequestStep), naming its
 * user. Acknowledging records what the facility's approval policy demands, evaluated here with
 * the same function the PC runs. Each step reaches the ERP's webhooks as supply_request.step.
 */
export function erpRequestStatusRoute(app: SyncApp, { database }: SyncContext): void {
  app.post(
    '/v1/erp/requests/:id/status',
    {
      schema: {
        tags: ['erp'],
        summary:
          'Take a step on a supply request: acknowledged, approved, rejected, ordered, picking, shipped or cancelled (scope requests:write; Idempotency-Key accepted)',
        params: Type.Object({ id: Id('Supply request identifier') }),
        body: StatusBody,
        response: {
          200: Type.Record(Type.String(), Type.Unknown()),
          403: ErrorBody,
          404: ErrorBody,
          409: ErrorBody,
          422: ErrorBody,
        },
      },
    },
    async (request) => {
      const key = await authenticateApiKey(database.db, request, 'requests:write');
      const { status, note, lines, by } = request.body;
      const at = request.body.at ?? new Date().toISOString();
      const updated = await sequencedWrite(database.db, async (trx) => {
        const current = (await findDocuments(trx, 'supply_requests', [request.params.id])).get(
          request.params.id,
        );
        if (!current || current.deleted) {
          throw new HttpError(
            404,
            'REQUEST_UNKNOWN',
            `There is no supply request "${request.params.id}".`,
          );
        }
        const before = current.body as SupplyRequest;
        const approval =
          status === 'acknowledged' ? await centreApprovalRequirement(trx, before) : undefined;
        const moved = takeRequestStep(
          before,
          {
            to: status,
            at,
            ...(note !== undefined ? { note } : {}),
            ...(lines !== undefined ? { lines } : {}),
            ...(approval !== undefined ? { approval } : {}),
          },
          { kind: 'centre', by: `erp:${key.name}:${by}` },
        );
        if (!moved.ok) {
          const code = moved.error.code;
          const httpStatus = CONFLICTS.has(code) ? 409 : code === 'STEP_NOT_PERMITTED' ? 403 : 422;
          throw new HttpError(httpStatus, code, moved.error.message);
        }
        await writeDocument(trx, {
          collection: 'supply_requests',
          body: moved.value,
          deleted: false,
          writtenBy: `api-key:${key.name}`,
        });
        await enqueueWebhooks(trx, requestStepWebhooks(before, moved.value));
        await notifyChange(trx, database.channel, {
          collection: 'supply_requests',
          facilities: current.facilities,
        });
        await storeIdempotentAnswer(trx, request, 200, moved.value);
        return moved.value;
      });
      request.auditDetail = { requestId: request.params.id, status, by };
      return updated;
    },
  );
}
