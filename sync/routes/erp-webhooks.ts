import Type from 'typebox';
import { MAX_SAFE_COUNTER } from '../../shared/model';
import { authenticateApiKey } from '../auth/api-key-auth';
import { newId } from '../auth/secrets';
import type { SyncApp, SyncContext } from '../context';
import { HttpError } from '../http/errors';
import { jsonb } from '../store/json';
import { WEBHOOK_EVENT_TYPES } from '../webhooks/event-types';
import { ErrorBody } from './collection-param';

const WebhookBody = Type.Object(
  {
    url: Type.String({ format: 'uri', pattern: '^https?://', maxLength: 2000 }),
    secret: Type.String({
      minLength: 16,
      maxLength: 200,
      description: 'HMAC key; "whsec_<base64>" or plain text',
    }),
    eventTypes: Type.Array(
      Type.String({
        maxLength: 60,
        description: `"*" or one of: ${WEBHOOK_EVENT_TYPES.join(', ')}`,
      }),
      {
        minItems: 1,
        maxItems: 50,
      },
    ),
  },
  { additionalProperties: false },
);

export function erpWebhookRoutes(app: SyncApp, { database }: SyncContext): void {
  const db = database.db;
  app.post(
    '/v1/erp/webhooks',
    {
      schema: {
        tags: ['webhooks'],
        summary: 'Register an endpoint for signed webhooks (scope webhooks:manage)',
        body: WebhookBody,
        response: {
          201: Type.Object({
            id: Type.String(),
            url: Type.String(),
            eventTypes: Type.Array(Type.String()),
          }),
          400: ErrorBody,
        },
      },
    },
    async (request, reply) => {
      await authenticateApiKey(db, request, 'webhooks:manage');
      const unknown = request.body.eventTypes.filter(
        (t) => t !== '*' && !WEBHOOK_EVENT_TYPES.includes(t),
      );
      if (unknown.length > 0) {
        throw new HttpError(
          400,
          'EVENT_TYPE_UNKNOWN',
          `Unknown event type ${unknown.join(', ')}; known: ${WEBHOOK_EVENT_TYPES.join(', ')}.`,
        );
      }
      const id = newId('WH');
      await db
        .insertInto('webhook_endpoints')
        .values({
          id,
          url: request.body.url,
          secret: request.body.secret,
          event_types: jsonb(request.body.eventTypes),
        })
        .execute();
      request.auditDetail = { webhookId: id, url: request.body.url };
      return reply
        .status(201)
        .send({ id, url: request.body.url, eventTypes: request.body.eventTypes });
    },
  );

  app.get(
    '/v1/erp/dead-letters',
    {
      schema: {
        tags: ['webhooks'],
        summary: 'Deliveries that failed their last attempt (scope webhooks:manage)',
        response: {
          200: Type.Object({ deadLetters: Type.Array(Type.Record(Type.String(), Type.Unknown())) }),
        },
      },
    },
    async (request) => {
      await authenticateApiKey(db, request, 'webhooks:manage');
      const rows = await db
        .selectFrom('webhook_deliveries as d')
        .innerJoin('outbox as o', 'o.id', 'd.outbox_id')
        .innerJoin('webhook_endpoints as e', 'e.id', 'd.endpoint_id')
        .select([
          'd.id',
          'd.outbox_id',
          'o.event_type',
          'e.url',
          'd.attempts',
          'd.last_status',
          'd.last_error',
          'd.updated_at',
        ])
        .where('d.status', '=', 'dead')
        .orderBy('d.id')
        .limit(1000)
        .execute();
      return {
        deadLetters: rows.map((r) => ({
          id: r.id,
          messageId: r.outbox_id,
          eventType: r.event_type,
          url: r.url,
          attempts: r.attempts,
          lastStatus: r.last_status,
          lastError: r.last_error,
          failedAt: r.updated_at.toISOString(),
        })),
      };
    },
  );

  app.post(
    '/v1/erp/dead-letters/:id/replay',
    {
      schema: {
        tags: ['webhooks'],
        summary:
          'Send a dead-lettered delivery again, from a fresh attempt count (scope webhooks:manage)',
        params: Type.Object({ id: Type.Integer({ minimum: 1, maximum: MAX_SAFE_COUNTER }) }),
        response: {
          202: Type.Object({ id: Type.Integer(), status: Type.String() }),
          404: ErrorBody,
        },
      },
    },
    async (request, reply) => {
      await authenticateApiKey(db, request, 'webhooks:manage');
      const replayed = await db
        .updateTable('webhook_deliveries')
        .set({
          status: 'pending',
          attempts: 0,
          next_attempt_at: new Date(),
          updated_at: new Date(),
        })
        .where('id', '=', request.params.id)
        .where('status', '=', 'dead')
        .returning('id')
        .executeTakeFirst();
      if (!replayed)
        throw new HttpError(
          404,
          'DEAD_LETTER_UNKNOWN',
          `There is no dead letter ${request.params.id}.`,
        );
      return reply.status(202).send({ id: replayed.id, status: 'pending' });
    },
  );
}
