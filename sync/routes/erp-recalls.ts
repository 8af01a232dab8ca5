import { RecallNoticeSchema } from '../../shared/model';
import Type from 'typebox';
import { authenticateApiKey } from '../auth/api-key-auth';
import type { SyncApp, SyncContext } from '../context';
import { enterRecallNotice } from '../store/recall-entry';
import { ErrorBody } from './collection-param';

/** Answers of a recall entry, for the ERP route and the console's. */
export const RecallEntered = Type.Object({
  id: Type.String(),
  written: Type.Integer(),
  unchanged: Type.Integer(),
});

export function erpRecallRoute(app: SyncApp, { database }: SyncContext): void {
  app.post(
    '/v1/erp/recalls',
    {
      schema: {
        tags: ['erp'],
        summary:
          'A recall notice; every facility receives it on its next pull (scope recalls:write)',
        body: RecallNoticeSchema,
        response: {
          201: RecallEntered,
          401: ErrorBody,
          403: ErrorBody,
          400: ErrorBody,
          422: ErrorBody,
        },
      },
    },
    async (request, reply) => {
      const key = await authenticateApiKey(database.db, request, 'recalls:write');
      const outcome = await enterRecallNotice(database, request.body, `api-key:${key.name}`);
      request.auditDetail = { recallNoticeId: request.body.id, ...outcome };
      return reply.status(201).send({ id: request.body.id, ...outcome });
    },
  );
}
