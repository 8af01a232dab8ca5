import type { FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { HttpError } from '../http/errors';
import type { Actor } from './actor';
import { bearerToken } from './bearer';
import { hashSecret } from './secrets';

export type ApiKeyActor = Extract<Actor, { type: 'api-key' }>;

export { API_SCOPES, type ApiScope } from '../../shared/model/api-scopes';
import type { ApiScope } from '../../shared/model/api-scopes';

/**
 * Resolves the ERP key behind a bearer token and checks it carries `scope`. ERP routes find the
 * key in `onRequest` (authenticate-first.ts), before the body is read; the handler's call then
 * only checks the scope.
 */
export async function authenticateApiKey(
  db: Kysely<Database>,
  request: FastifyRequest,
  scope: ApiScope,
): Promise<ApiKeyActor> {
  const actor = request.actor?.type === 'api-key' ? request.actor : await findApiKey(db, request);
  if (!actor.scopes.includes(scope)) {
    throw new HttpError(403, 'SCOPE_MISSING', `This API key lacks the scope "${scope}".`);
  }
  return actor;
}

/** The ERP key behind a bearer token, whatever its scopes; throws 401 otherwise. */
export async function findApiKey(
  db: Kysely<Database>,
  request: FastifyRequest,
): Promise<ApiKeyActor> {
  const key = await db
    .selectFrom('api_keys')
    .select(['id', 'name', 'scopes', 'revoked_at', 'expires_at'])
    .where('key_hash', '=', hashSecret(bearerToken(request)))
    .executeTakeFirst();
  if (!key) {
    throw new HttpError(
      401,
      'API_KEY_UNKNOWN',
      'This API key is not known (a rotated key stops working at once); ask the centre for the current key.',
    );
  }
  if (key.revoked_at) {
    throw new HttpError(
      401,
      'API_KEY_REVOKED',
      `This API key was revoked on ${key.revoked_at.toISOString()}; ask the centre for a new key.`,
    );
  }
  if (key.expires_at && key.expires_at.getTime() <= Date.now()) {
    throw new HttpError(
      401,
      'API_KEY_EXPIRED',
      `This API key expired on ${key.expires_at.toISOString()}; ask the centre to rotate it or set a new expiry.`,
    );
  }
  const actor: ApiKeyActor = { type: 'api-key', id: key.id, name: key.name, scopes: key.scopes };
  request.actor = actor;
  return actor;
}
