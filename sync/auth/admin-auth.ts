import { timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { HttpError } from '../http/errors';
import type { Actor } from './actor';
import { bearerToken } from './bearer';
import { hashSecret } from './secrets';

export type AdminActor = Extract<Actor, { type: 'admin' }>;
export type ConsoleActor = Extract<Actor, { type: 'console-user' }>;

/**
 * Who may use the admin API. Pluggable: the endpoint's admin credential, and in front of it the
 * console's session check (sync/auth/console-session-auth.ts); the routes then check the act.
 */
export type AdminAuthenticator = (request: FastifyRequest) => Promise<AdminActor | ConsoleActor>;

/** Accepts any of the given secrets, compared by hash in constant time. */
export function adminTokenAuthenticator(tokens: readonly string[]): AdminAuthenticator {
  const hashes = tokens.filter(Boolean).map((t) => Buffer.from(hashSecret(t), 'hex'));
  return async (request) => {
    const offered = Buffer.from(hashSecret(bearerToken(request)), 'hex');
    if (!hashes.some((h) => timingSafeEqual(h, offered))) {
      throw new HttpError(
        401,
        'ADMIN_CREDENTIAL_UNKNOWN',
        'This is not an admin credential of this endpoint; admin commands find it in the data folder lock file, or set ADMIN_TOKEN.',
      );
    }
    return { type: 'admin', id: 'admin-token' };
  };
}

/** No admin credential configured: the admin API answers, but refuses everyone. */
export const refuseAllAdmins: AdminAuthenticator = async () => {
  throw new HttpError(
    401,
    'ADMIN_API_DISABLED',
    'This endpoint has no admin credential: set ADMIN_TOKEN, or run it on a PGlite data folder.',
  );
};
