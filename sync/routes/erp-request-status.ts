import Type from 'typebox';
import { Id, REQUEST_STATUSES, SafeName, StringEnum } from '../../shared/model';
import { authenticateApiKey } from '../auth/api-key-auth';
import type { SyncApp, SyncContext } from '../context';
import { takeCentreRequestStep } from '../store/centre-request-step';
import { ErrorBody } from './collection-param';
import { StepLines, StepNote } from './request-step-body';

const StatusBody = Type.Object(
  {
    status: StringEnum(REQUEST_STATUSES),
    by: SafeName({
      minLength: 1,
      maxLength: 40,
      description: 'The ERP user who took the step (recorded as "erp:<key name>:<by>")',
    }),
    at: Type.Optional(Type.String({ format: 'date-time', maxLength: 40 })),
    note: StepNote,
    lines: StepLines,
  },
  { additionalProperties: false },
);

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
      const updated = await takeCentreRequestStep(
        database.db,
        database.channel,
        request,
        request.params.id,
        { status, at, note, lines, by: `erp:${key.name}:${by}`, writtenBy: `api-key:${key.name}` },
      );
      request.auditDetail = { requestId: request.params.id, status, by };
      return updated;
    },
  );
}
