import Type from 'typebox';
import { SafeName } from '../../shared/model';
import { authenticateApiKey } from '../auth/api-key-auth';
import type { SyncApp, SyncContext } from '../context';
import {
  createWebhook,
  DEFAULT_OVERLAP_SECONDS,
  deleteWebhook,
  listWebhooks,
  pauseWebhook,
  resumeWebhook,
  rotateWebhookSecret,
} from '../webhooks/endpoints';
import { WEBHOOK_EVENT_TYPES } from '../webhooks/event-types';
import { ErrorBody } from './collection-param';
import { erpDeadLetterRoutes } from './erp-dead-letters';

export const WebhookBody = Type.Object(
  {
    url: SafeName({
      minLength: 1,
      maxLength: 2000,
      description:
        'https URL of a public address (checked now and at every delivery); the server makes the secret',
    }),
    eventTypes: Type.Array(
      SafeName({
        maxLength: 60,
        description: `"*" (all the key may read) or one of: ${WEBHOOK_EVENT_TYPES.join(', ')}`,
      }),
      { minItems: 1, maxItems: 50 },
    ),
  },
  { additionalProperties: false },
);

export const WebhookId = Type.Object({ id: SafeName({ minLength: 1, maxLength: 100 }) });

export const RotateBody = Type.Object(
  {
    overlapSeconds: Type.Optional(
      Type.Integer({
        minimum: 0,
        maximum: 7 * 24 * 60 * 60,
        default: DEFAULT_OVERLAP_SECONDS,
        description: 'How long the old secret keeps signing beside the new one (default a day)',
      }),
    ),
  },
  { additionalProperties: false },
);

export const WebhookView = Type.Object({
  id: Type.String(),
  url: Type.String(),
  eventTypes: Type.Array(Type.String()),
  ownerKey: Type.Union([
    Type.Object({ id: Type.String(), name: Type.Union([Type.String(), Type.Null()]) }),
    Type.Null(),
  ]),
  state: Type.Union([Type.Literal('active'), Type.Literal('paused'), Type.Literal('disabled')]),
  createdAt: Type.String(),
  pausedAt: Type.Union([Type.String(), Type.Null()]),
  disabledAt: Type.Union([Type.String(), Type.Null()]),
  disabledReason: Type.Union([Type.String(), Type.Null()]),
  secretRotatedAt: Type.Union([Type.String(), Type.Null()]),
  previousSecretExpiresAt: Type.Union([Type.String(), Type.Null()]),
  needsRekey: Type.Boolean(),
  warning: Type.Union([Type.String(), Type.Null()]),
  pending: Type.Integer(),
  dead: Type.Integer(),
});

export const WithSecret = Type.Object({
  id: Type.String(),
  url: Type.String(),
  eventTypes: Type.Array(Type.String()),
  secret: Type.String({ description: 'whsec_<base64>; shown only in this answer' }),
  note: Type.String(),
});

const ERRORS = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody };

/**
 * The ERP's webhook management. An API key sees and acts on only the endpoints it registered
 * (`owner_key_id`), plus the unclaimed ones registered before server-made secrets (migration 005),
 * which the key that re-keys one takes over; any other endpoint answers 404 WEBHOOK_UNKNOWN,
 * exactly as one that does not exist, so a key learns nothing of another's endpoints (their URLs,
 * their secrets, their dead letters). The console administrator sees and manages all of them
 * through /v1/admin/webhooks (admin-webhooks.ts).
 */
export function erpWebhookRoutes(app: SyncApp, context: SyncContext): void {
  const db = context.database.db;
  const settings = context.webhooks;
  app.post(
    '/v1/erp/webhooks',
    {
      schema: {
        tags: ['webhooks'],
        summary:
          'Register an endpoint for signed webhooks; the secret is made here and shown once (scope webhooks:manage, plus the read scope of each event type)',
        body: WebhookBody,
        response: { 201: WithSecret, ...ERRORS },
      },
    },
    async (request, reply) => {
      const key = await authenticateApiKey(db, request, 'webhooks:manage');
      const created = await createWebhook(db, settings, key, request.body);
      request.auditDetail = {
        webhookId: created.id,
        url: created.url,
        eventTypes: created.eventTypes,
      };
      return reply.status(201).send(created);
    },
  );

  app.get(
    '/v1/erp/webhooks',
    {
      schema: {
        tags: ['webhooks'],
        summary:
          'The endpoints this key registered (and unclaimed ones from before 005), never their secrets (scope webhooks:manage)',
        response: {
          200: Type.Object({ webhooks: Type.Array(WebhookView) }),
          401: ErrorBody,
          403: ErrorBody,
        },
      },
    },
    async (request) => {
      const key = await authenticateApiKey(db, request, 'webhooks:manage');
      return { webhooks: await listWebhooks(db, { ownerKeyId: key.id }) };
    },
  );

  for (const [action, act, summary] of [
    ['pause', pauseWebhook, 'Hold deliveries to an endpoint; messages keep queuing for it'],
    [
      'resume',
      resumeWebhook,
      'Deliver again to a paused endpoint, or one disabled by a 410 answer',
    ],
  ] as const) {
    app.post(
      `/v1/erp/webhooks/:id/${action}`,
      {
        schema: {
          tags: ['webhooks'],
          summary: `${summary}; only an endpoint this key owns (scope webhooks:manage)`,
          params: WebhookId,
          response: { 200: WebhookView, 404: ErrorBody, ...ERRORS },
        },
      },
      async (request) => {
        const key = await authenticateApiKey(db, request, 'webhooks:manage');
        return act(db, request.params.id, { ownerKeyId: key.id });
      },
    );
  }

  app.delete(
    '/v1/erp/webhooks/:id',
    {
      schema: {
        tags: ['webhooks'],
        summary:
          'Remove an endpoint this key owns, with its queued and dead-lettered deliveries (scope webhooks:manage)',
        params: WebhookId,
        response: { 200: Type.Object({ deleted: Type.String() }), 404: ErrorBody, ...ERRORS },
      },
    },
    async (request) => {
      const key = await authenticateApiKey(db, request, 'webhooks:manage');
      return deleteWebhook(db, request.params.id, { ownerKeyId: key.id });
    },
  );

  app.post(
    '/v1/erp/webhooks/:id/rotate-secret',
    {
      schema: {
        tags: ['webhooks'],
        summary:
          'Re-key an endpoint this key owns (or an unclaimed one from before 005, which it then owns): a new secret, shown once; the old one keeps signing beside it for overlapSeconds (scope webhooks:manage)',
        params: WebhookId,
        body: RotateBody,
        response: {
          200: Type.Object({
            ...WithSecret.properties,
            previousSecretExpiresAt: Type.Union([Type.String(), Type.Null()]),
          }),
          404: ErrorBody,
          ...ERRORS,
        },
      },
      // The body is optional: a bare POST rotates with the default overlap.
      preValidation: async (request) => {
        request.body ??= {};
      },
    },
    async (request) => {
      const key = await authenticateApiKey(db, request, 'webhooks:manage');
      const rotated = await rotateWebhookSecret(
        db,
        settings,
        key,
        {
          id: request.params.id,
          overlapSeconds: request.body.overlapSeconds ?? DEFAULT_OVERLAP_SECONDS,
        },
        { ownerKeyId: key.id },
      );
      request.auditDetail = {
        webhookId: rotated.id,
        previousSecretExpiresAt: rotated.previousSecretExpiresAt,
      };
      return rotated;
    },
  );

  erpDeadLetterRoutes(app, context);
}
