import Type from 'typebox';
import {
  createApiKey,
  listApiKeys,
  revokeApiKey,
  rotateApiKey,
  setApiKeyExpiry,
} from '../admin/api-keys';
import { Name } from '../../shared/model';
import { API_SCOPES } from '../auth/api-key-auth';
import type { SyncApp, SyncContext } from '../context';
import { ADMIN_ERRORS, ADMIN_SECURITY, adminOnly, IdParams } from './admin-guard';

const Expiry = Type.Union([Type.String({ format: 'date-time', maxLength: 40 }), Type.Null()], {
  description: 'When the key stops working (ISO 8601); null for never',
});
const NewKey = Type.Object({
  apiKey: Type.Object({
    id: Type.String(),
    name: Type.String(),
    scopes: Type.Array(Type.String()),
    expiresAt: Type.Union([Type.String(), Type.Null()]),
    key: Type.String({ description: 'The secret; shown only in this answer' }),
  }),
  note: Type.String(),
});
const KeyView = Type.Object({
  id: Type.String(),
  name: Type.String(),
  scopes: Type.Array(Type.String()),
  createdAt: Type.String(),
  expiresAt: Type.Union([Type.String(), Type.Null()]),
  revokedAt: Type.Union([Type.String(), Type.Null()]),
  rotatedAt: Type.Union([Type.String(), Type.Null()]),
  state: Type.Union([Type.Literal('active'), Type.Literal('expired'), Type.Literal('revoked')]),
});

export function adminApiKeyRoutes(app: SyncApp, context: SyncContext): void {
  const db = context.database.db;
  const base = { tags: ['admin'], security: ADMIN_SECURITY };
  app.post(
    '/v1/admin/api-keys',
    {
      onRequest: adminOnly(context, 'api-keys.manage'),
      schema: {
        ...base,
        summary:
          'Create an ERP API key with scopes; the secret is shown once. A name an unrevoked key already has is a 409 API_KEY_NAME_TAKEN',
        body: Type.Object(
          {
            name: Name('What the console lists the key as'),
            scopes: Type.Array(Type.String({ maxLength: 60 }), {
              minItems: 1,
              maxItems: API_SCOPES.length,
              description: `Any of: ${API_SCOPES.join(', ')}`,
            }),
            expiresAt: Type.Optional(Expiry),
          },
          { additionalProperties: false },
        ),
        response: { 201: NewKey, ...ADMIN_ERRORS },
      },
    },
    async (request, reply) => reply.status(201).send(await createApiKey(db, request.body)),
  );
  app.get(
    '/v1/admin/api-keys',
    {
      onRequest: adminOnly(context, 'console.view'),
      schema: {
        ...base,
        summary: 'List API keys (never their secrets)',
        response: { 200: Type.Object({ apiKeys: Type.Array(KeyView) }), ...ADMIN_ERRORS },
      },
    },
    async () => listApiKeys(db),
  );
  app.post(
    '/v1/admin/api-keys/:id/revoke',
    {
      onRequest: adminOnly(context, 'api-keys.manage'),
      schema: {
        ...base,
        summary: 'Revoke an API key: its next request gets 401',
        params: IdParams,
        response: {
          200: Type.Object({ revoked: Type.Object({ id: Type.String(), name: Type.String() }) }),
          ...ADMIN_ERRORS,
        },
      },
    },
    async (request) => revokeApiKey(db, { id: request.params.id }),
  );
  app.post(
    '/v1/admin/api-keys/:id/rotate',
    {
      onRequest: adminOnly(context, 'api-keys.manage'),
      schema: {
        ...base,
        summary:
          'Give an API key a new secret (the old one stops at once); optionally a new expiry',
        params: IdParams,
        body: Type.Optional(
          Type.Object({ expiresAt: Type.Optional(Expiry) }, { additionalProperties: false }),
        ),
        response: { 200: NewKey, ...ADMIN_ERRORS },
      },
    },
    async (request) =>
      rotateApiKey(db, { id: request.params.id, expiresAt: request.body?.expiresAt }),
  );
  app.put(
    '/v1/admin/api-keys/:id/expiry',
    {
      onRequest: adminOnly(context, 'api-keys.manage'),
      schema: {
        ...base,
        summary: 'Set or clear an API key expiry',
        params: IdParams,
        body: Type.Object({ expiresAt: Expiry }, { additionalProperties: false }),
        response: {
          200: Type.Object({
            apiKey: Type.Object({
              id: Type.String(),
              name: Type.String(),
              expiresAt: Type.Union([Type.String(), Type.Null()]),
            }),
          }),
          ...ADMIN_ERRORS,
        },
      },
    },
    async (request) =>
      setApiKeyExpiry(db, { id: request.params.id, expiresAt: request.body.expiresAt }),
  );
}
