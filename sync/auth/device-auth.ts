import type { FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { HttpError } from '../http/errors';
import type { Actor } from './actor';
import { bearerToken } from './bearer';
import { hashSecret } from './secrets';

export type DeviceActor = Extract<Actor, { type: 'device' }>;

/**
 * Resolves the device behind a bearer token and records its contact; throws 401 otherwise. The
 * usual case (a valid token) is one statement: the contact UPDATE finds the device and answers it.
 */
export async function authenticateDevice(
  db: Kysely<Database>,
  request: FastifyRequest,
): Promise<DeviceActor> {
  const tokenHash = hashSecret(bearerToken(request));
  const now = new Date();
  const device = await db
    .updateTable('devices')
    .set({ last_contact_at: now })
    .where('token_hash', '=', tokenHash)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', now)
    .returning(['id', 'facility_id', 'name'])
    .executeTakeFirst();
  if (!device) throw await refusal(db, tokenHash);
  const actor: DeviceActor = {
    type: 'device',
    id: device.id,
    facilityId: device.facility_id,
    name: device.name,
  };
  request.actor = actor;
  return actor;
}

/** Why a token was not accepted, read only after the contact UPDATE matched no device. */
async function refusal(db: Kysely<Database>, tokenHash: string): Promise<HttpError> {
  const device = await db
    .selectFrom('devices')
    .select(['revoked_at'])
    .where('token_hash', '=', tokenHash)
    .executeTakeFirst();
  if (!device) {
    return new HttpError(
      401,
      'TOKEN_UNKNOWN',
      'This device token is not known; enrol the device again.',
    );
  }
  if (device.revoked_at) {
    return new HttpError(
      401,
      'TOKEN_REVOKED',
      'This device was revoked; ask the centre for a new enrollment code.',
    );
  }
  return new HttpError(
    401,
    'TOKEN_EXPIRED',
    'This device token has expired; enrol the device again.',
  );
}
