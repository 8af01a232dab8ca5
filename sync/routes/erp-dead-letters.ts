import Type from 'typebox';
import { MAX_SAFE_COUNTER } from '../../shared/model';
import { authenticateApiKey } from '../auth/api-key-auth';
import type { SyncApp, SyncContext } from '../context';
import { listDeadLetters, replayDeadLetter } from '../webhooks/dead-letters';
import { FAILURE_CLASSES } from '../webhooks/failure-class';
import { ErrorBody } from './collection-param';

export const DeadLetter = Type.Object({
  id: Type.Integer(),
  messageId: Type.String(),
  webhookId: Type.String(),
  eventType: Type.String(),
  url: Type.String(),
  attempts: Type.Integer(),
  lastStatus: Type.Union([Type.Integer(), Type.Null()]),
  lastError: Type.Union([
    Type.String({ description: `The failure class: ${FAILURE_CLASSES.join(', ')}` }),
    Type.Null(),
  ]),
  failedAt: Type.String(),
});

export function erpDeadLetterRoutes(app: SyncApp, { database }: SyncContext): void {
  const db = database.db;
  app.get(
    '/v1/erp/dead-letters',
    {
      schema: {
        tags: ['webhooks'],
        summary:
          "Deliveries to this key's endpoints that failed their last attempt, with a failure class, never the error text (scope webhooks:manage)",
        response: {
          200: Type.Object({ deadLetters: Type.Array(DeadLetter) }),
          401: ErrorBody,
          403: ErrorBody,
        },
      },
    },
    async (request) => {
      const key = await authenticateApiKey(db, request, 'webhooks:manage');
      return { deadLetters: await listDeadLetters(db, { ownerKeyId: key.id }) };
    },
  );

  app.post(
    '/v1/erp/dead-letters/:id/replay',
    {
      schema: {
        tags: ['webhooks'],
        summary:
          "Send a dead-lettered delivery to one of this key's endpoints again, from a fresh attempt count (scope webhooks:manage)",
        params: Type.Object({ id: Type.Integer({ minimum: 1, maximum: MAX_SAFE_COUNTER }) }),
        response: {
          202: Type.Object({ id: Type.Integer(), status: Type.String() }),
          404: ErrorBody,
        },
      },
    },
    async (request, reply) => {
      const key = await authenticateApiKey(db, request, 'webhooks:manage');
      const id = await replayDeadLetter(db, request.params.id, { ownerKeyId: key.id });
      return reply.status(202).send({ id, status: 'pending' });
    },
  );
}
