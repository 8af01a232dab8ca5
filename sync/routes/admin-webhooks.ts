import Type from 'typebox';
import { MAX_SAFE_COUNTER, SafeName } from '../../shared/model';
import type { ApiKeyActor } from '../auth/api-key-auth';
import { feedPositions } from '../console/feed-positions';
import type { SyncApp, SyncContext } from '../context';
import { HttpError } from '../http/errors';
import { listDeadLetters, replayDeadLetter } from '../webhooks/dead-letters';
import {
  createWebhook,
  DEFAULT_OVERLAP_SECONDS,
  deleteWebhook,
  listWebhooks,
  pauseWebhook,
  resumeWebhook,
  rotateWebhookSecret,
} from '../webhooks/endpoints';
import { ADMIN_ERRORS, ADMIN_SECURITY, adminOnly } from './admin-guard';
import { DeadLetter } from './erp-dead-letters';
import { RotateBody, WebhookBody, WebhookId, WebhookView, WithSecret } from './erp-webhooks';

const NewWebhookBody = Type.Object(
  {
    ...WebhookBody.properties,
    ownerKeyId: SafeName({
      minLength: 1,
      maxLength: 100,
      description:
        'The API key the endpoint belongs to: its read scopes bound what it receives, as when the ERP registers it',
    }),
  },
  { additionalProperties: false },
);

const ReplayBody = Type.Object(
  {
    ids: Type.Array(Type.Integer({ minimum: 1, maximum: MAX_SAFE_COUNTER }), {
      minItems: 1,
      maxItems: 500,
      uniqueItems: true,
    }),
  },
  { additionalProperties: false },
);

const FeedPositionSchema = Type.Object({
  keyId: Type.String(),
  keyName: Type.String(),
  position: Type.Union([Type.Integer(), Type.Null()], {
    description: 'The cursor it last read from (null: never read)',
  }),
  readAt: Type.Union([Type.String(), Type.Null()]),
  behind: Type.Integer({ description: 'Stock events after its position' }),
  latest: Type.Integer(),
});

/** The key an endpoint registered from the console belongs to: live, as the ERP's own would be. */
async function ownerKey(context: SyncContext, id: string): Promise<ApiKeyActor> {
  const key = await context.database.db
    .selectFrom('api_keys')
    .select(['id', 'name', 'scopes', 'revoked_at', 'expires_at'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!key || key.revoked_at || (key.expires_at && key.expires_at.getTime() <= Date.now())) {
    throw new HttpError(400, 'API_KEY_UNKNOWN', `There is no active API key "${id}".`, [
      { field: 'ownerKeyId', message: 'not an active API key' },
    ]);
  }
  return { type: 'api-key', id: key.id, name: key.name, scopes: key.scopes };
}

/**
 * Webhooks, dead letters and the ERP feed as the console manages them: the same rules as the ERP's
 * own routes (sync/webhooks), reached with a console session (admin) or the admin credential.
 */
export function adminWebhookRoutes(app: SyncApp, context: SyncContext): void {
  const db = context.database.db;
  const settings = context.webhooks;
  const base = { tags: ['admin'], security: ADMIN_SECURITY };
  const view = adminOnly(context, 'console.view');
  const manage = adminOnly(context, 'webhooks.manage');

  app.get(
    '/v1/admin/webhooks',
    {
      onRequest: view,
      schema: {
        ...base,
        summary: 'Webhook endpoints with deliveries pending and dead, never their secrets',
        response: { 200: Type.Object({ webhooks: Type.Array(WebhookView) }), ...ADMIN_ERRORS },
      },
    },
    async () => ({ webhooks: await listWebhooks(db) }),
  );
  app.post(
    '/v1/admin/webhooks',
    {
      onRequest: manage,
      schema: {
        ...base,
        summary:
          'Register an endpoint for an API key (its read scopes bound the event types); the secret is shown once',
        body: NewWebhookBody,
        response: { 201: WithSecret, ...ADMIN_ERRORS },
      },
    },
    async (request, reply) => {
      const key = await ownerKey(context, request.body.ownerKeyId);
      const created = await createWebhook(db, settings, key, request.body);
      request.auditDetail = {
        webhookId: created.id,
        url: created.url,
        eventTypes: created.eventTypes,
        ownerKeyId: key.id,
      };
      return reply.status(201).send(created);
    },
  );
  for (const [action, act] of [
    ['pause', pauseWebhook],
    ['resume', resumeWebhook],
  ] as const) {
    app.post(
      `/v1/admin/webhooks/:id/${action}`,
      {
        onRequest: manage,
        schema: {
          ...base,
          summary:
            action === 'pause'
              ? 'Hold deliveries to an endpoint; messages keep queuing for it'
              : 'Deliver again to a paused (or 410-disabled) endpoint',
          params: WebhookId,
          response: { 200: WebhookView, ...ADMIN_ERRORS },
        },
      },
      async (request) => {
        request.auditDetail = { webhookId: request.params.id };
        return act(db, request.params.id);
      },
    );
  }
  app.post(
    '/v1/admin/webhooks/:id/rotate-secret',
    {
      onRequest: manage,
      schema: {
        ...base,
        summary:
          'Re-key: a new secret shown once; the old one keeps signing beside it for overlapSeconds',
        params: WebhookId,
        body: RotateBody,
        response: {
          200: Type.Object({
            ...WithSecret.properties,
            previousSecretExpiresAt: Type.Union([Type.String(), Type.Null()]),
          }),
          ...ADMIN_ERRORS,
        },
      },
      preValidation: async (request) => {
        request.body ??= {};
      },
    },
    async (request) => {
      const current = (await listWebhooks(db)).find((w) => w.id === request.params.id);
      if (!current)
        throw new HttpError(404, 'WEBHOOK_UNKNOWN', `There is no webhook "${request.params.id}".`);
      if (!current.ownerKey) {
        throw new HttpError(
          409,
          'WEBHOOK_NEEDS_ERP_KEY',
          'This endpoint was registered before server-made secrets and belongs to no key: re-key it through the ERP API with the key that should own it.',
        );
      }
      const key = await ownerKey(context, current.ownerKey.id);
      const rotated = await rotateWebhookSecret(db, settings, key, {
        id: request.params.id,
        overlapSeconds: request.body.overlapSeconds ?? DEFAULT_OVERLAP_SECONDS,
      });
      request.auditDetail = {
        webhookId: rotated.id,
        previousSecretExpiresAt: rotated.previousSecretExpiresAt,
      };
      return rotated;
    },
  );
  app.delete(
    '/v1/admin/webhooks/:id',
    {
      onRequest: manage,
      schema: {
        ...base,
        summary: 'Remove an endpoint with its queued and dead-lettered deliveries',
        params: WebhookId,
        response: { 200: Type.Object({ deleted: Type.String() }), ...ADMIN_ERRORS },
      },
    },
    async (request) => {
      request.auditDetail = { webhookId: request.params.id };
      return deleteWebhook(db, request.params.id);
    },
  );
  app.get(
    '/v1/admin/dead-letters',
    {
      onRequest: view,
      schema: {
        ...base,
        summary: 'Deliveries that failed their last attempt, with their failure class',
        response: { 200: Type.Object({ deadLetters: Type.Array(DeadLetter) }), ...ADMIN_ERRORS },
      },
    },
    async () => ({ deadLetters: await listDeadLetters(db) }),
  );
  app.post(
    '/v1/admin/dead-letters/replay',
    {
      onRequest: manage,
      schema: {
        ...base,
        summary:
          'Send dead letters again (one or several), each from a fresh attempt count; ids no longer dead are named',
        body: ReplayBody,
        response: {
          200: Type.Object({
            replayed: Type.Array(Type.Integer()),
            notDead: Type.Array(Type.Integer()),
          }),
          ...ADMIN_ERRORS,
        },
      },
    },
    async (request) => {
      const replayed: number[] = [];
      const notDead: number[] = [];
      for (const id of request.body.ids) {
        try {
          replayed.push(await replayDeadLetter(db, id));
        } catch (error) {
          if (!(error instanceof HttpError) || error.statusCode !== 404) throw error;
          notDead.push(id);
        }
      }
      request.auditDetail = { replayed, notDead };
      return { replayed, notDead };
    },
  );
  app.get(
    '/v1/admin/feed-positions',
    {
      onRequest: view,
      schema: {
        ...base,
        summary:
          'Each API key that may read the ERP events feed: the cursor it last read from and how many events it has not read',
        response: {
          200: Type.Object({ positions: Type.Array(FeedPositionSchema) }),
          ...ADMIN_ERRORS,
        },
      },
    },
    async () => ({ positions: await feedPositions(db) }),
  );
}
