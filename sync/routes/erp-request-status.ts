import Type from 'typebox';
import { Id, REQUEST_STATUSES, SafeText, StringEnum, type SupplyRequest } from '../../shared/model';
import { transition } from '../../shared/replenishment/request-status';
import { authenticateApiKey } from '../auth/api-key-auth';
import type { SyncApp, SyncContext } from '../context';
import { HttpError } from '../http/errors';
import { findDocuments, writeDocument } from '../store/documents';
import { notifyChange } from '../store/notify';
import { sequencedWrite } from '../store/sequenced';
import { ErrorBody } from './collection-param';

const StatusBody = Type.Object(
  {
    status: StringEnum(REQUEST_STATUSES),
    at: Type.Optional(Type.String({ format: 'date-time', maxLength: 40 })),
    note: Type.Optional(SafeText({ maxLength: 1000 })),
  },
  { additionalProperties: false },
);

/** The centre moves a request along the shared state machine; an invalid step is a 409. */
export function erpRequestStatusRoute(app: SyncApp, { database }: SyncContext): void {
  app.post(
    '/v1/erp/requests/:id/status',
    {
      schema: {
        tags: ['erp'],
        summary: 'Move a supply request to a new status (scope requests:write)',
        params: Type.Object({ id: Id('Supply request identifier') }),
        body: StatusBody,
        response: {
          200: Type.Record(Type.String(), Type.Unknown()),
          404: ErrorBody,
          409: ErrorBody,
        },
      },
    },
    async (request) => {
      const key = await authenticateApiKey(database.db, request, 'requests:write');
      const { status, note } = request.body;
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
        const stamp = { at, by: `erp:${key.name}`, ...(note !== undefined ? { note } : {}) };
        const moved = transition(current.body as SupplyRequest, status, stamp);
        if (!moved.ok) {
          const status = moved.error.code === 'INVALID_TRANSITION' ? 409 : 422;
          throw new HttpError(status, moved.error.code, moved.error.message);
        }
        await writeDocument(trx, {
          collection: 'supply_requests',
          body: moved.value,
          deleted: false,
          writtenBy: `api-key:${key.name}`,
        });
        await notifyChange(trx, database.channel, {
          collection: 'supply_requests',
          facilities: current.facilities,
        });
        return moved.value;
      });
      request.auditDetail = { requestId: request.params.id, status };
      return updated;
    },
  );
}
