import type { FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { HttpError } from '../http/errors';
import type { Actor } from './actor';
import { bearerToken } from './bearer';
import { hashSecret } from './secrets';

export type DeviceActor = Extract<Actor, { type: 'device' }>;

/** Resolves the device behind a bearer token and records its contact; throws 401 otherwise. */
export async function authenticateDevice(
  db: Kysely<Database>,
  request: FastifyRequest,
): Promise<DeviceActor> {
  const token = bearerToken(request);
  const device = await db
    .selectFrom('devices')
    .select(['id', 'facility_id', 'name', 'revoked_at', 'expires_at'])
    .where('token_hash', '=', hashSecret(token))
    .executeTakeFirst();
  if (!device) {
    throw new HttpError(
      401,
      'TOKEN_UNKNOWN',
      'This device token is not known; enrol the device again.',
    );
  }
  if (device.revoked_at) {
    throw new HttpError(
      401,
      'TOKEN_REVOKED',
      'This device was revoked; ask the centre for a new enrollment code.',
    );
  }
  if (device.expires_at.getTime() <= Date.now()) {
    throw new HttpError(
      401,
      'TOKEN_EXPIRED',
      'This device token has expired; enrol the device again.',
    );
  }
  await db
    .updateTable('devices')
    .set({ last_contact_at: new Date() })
    .where('id', '=', device.id)
    .execute();
  const actor: DeviceActor = {
    type: 'device',
    id: device.id,
    facilityId: device.facility_id,
    name: device.name,
  };
  request.actor = actor;
  return actor;
}
