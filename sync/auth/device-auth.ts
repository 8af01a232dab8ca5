import type { FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { HttpError } from '../http/errors';
import type { Actor } from './actor';
import { bearerToken } from './bearer';
import { hashSecret } from './secrets';

export type DeviceActor = Extract<Actor, { type: 'device' }>;

/**
 * How stale a device's recorded contact may get. Sync health reads it to say when a PC was last
 * heard from; recording every request would make each push and pull a write and a commit of its
 * own (a PC pushing a backlog sends dozens a second).
 */
export const CONTACT_RESOLUTION_MS = 5_000;

/** Resolves the device behind a bearer token and records its contact; throws 401 otherwise. */
export async function authenticateDevice(
  db: Kysely<Database>,
  request: FastifyRequest,
): Promise<DeviceActor> {
  const tokenHash = hashSecret(bearerToken(request));
  const now = new Date();
  const staleBefore = new Date(now.getTime() - CONTACT_RESOLUTION_MS);
  // One statement: the device is read, and its contact written only when it may act and the
  // recorded contact is older than the resolution.
  const device = await db
    .with('device', (qb) =>
      qb
        .selectFrom('devices')
        .select(['id', 'facility_id', 'name', 'revoked_at', 'expires_at', 'last_contact_at'])
        .where('token_hash', '=', tokenHash),
    )
    .with('contact', (qb) =>
      qb
        .updateTable('devices')
        .set({ last_contact_at: now })
        .where('id', 'in', (eb) =>
          eb
            .selectFrom('device')
            .select('device.id')
            .where('device.revoked_at', 'is', null)
            .where('device.expires_at', '>', now)
            .where((w) =>
              w.or([
                w('device.last_contact_at', 'is', null),
                w('device.last_contact_at', '<', staleBefore),
              ]),
            ),
        ),
    )
    .selectFrom('device')
    .select(['id', 'facility_id', 'name', 'revoked_at', 'expires_at'])
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
  if (device.expires_at.getTime() <= now.getTime()) {
    throw new HttpError(
      401,
      'TOKEN_EXPIRED',
      'This device token has expired; enrol the device again.',
    );
  }
  const actor: DeviceActor = {
    type: 'device',
    id: device.id,
    facilityId: device.facility_id,
    name: device.name,
  };
  request.actor = actor;
  return actor;
}
