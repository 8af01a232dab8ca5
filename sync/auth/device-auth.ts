import type { FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { HttpError } from '../http/errors';
import type { Actor } from './actor';
import { bearerToken } from './bearer';
import { hashSecret } from './secrets';
import { readPcReport } from '../../shared/console/pc-report';
import { contactUpdate } from './device-contact';

export type DeviceActor = Extract<Actor, { type: 'device' }>;

// Sync health reads the recorded contact to say when a PC was last heard from; recording every
// request would make each push and pull a write and a commit of its own (a PC pushing a backlog
// sends dozens a second), so it has a resolution.
export { CONTACT_RESOLUTION_MS } from './device-contact';

/** The device behind a presented token, and which of its tokens it was. */
export interface AuthenticatedDevice {
  actor: DeviceActor;
  /** The hash of the device's current token (what a renewal replaces). */
  currentTokenHash: string;
  /** The token presented was one a renewal replaced, still inside its overlap. */
  replacedToken: boolean;
  tokenIssuedAt: Date;
  expiresAt: Date;
}

const REENROL =
  'This PC must be enrolled again: ask the centre for a new enrolment code and enter it on the Sync status screen.';

/**
 * Resolves the device behind a bearer token (its current token, or a replaced one still inside its
 * overlap) and records its contact; throws 401 otherwise.
 */
export async function findDevice(
  db: Kysely<Database>,
  request: FastifyRequest,
  now = new Date(),
): Promise<AuthenticatedDevice> {
  const tokenHash = hashSecret(bearerToken(request));
  const device = await db
    .selectFrom('devices')
    .select([
      'id',
      'facility_id',
      'name',
      'token_hash',
      'token_issued_at',
      'revoked_at',
      'expires_at',
      'last_contact_at',
      'app_version',
      'documents_waiting',
      'reported_at',
    ])
    .where((eb) =>
      eb.or([
        eb('token_hash', '=', tokenHash),
        eb(
          'id',
          'in',
          eb
            .selectFrom('device_token_overlap')
            .select('device_id')
            .where('token_hash', '=', tokenHash)
            .where('valid_until', '>', now),
        ),
      ]),
    )
    .executeTakeFirst();
  if (!device) {
    throw new HttpError(
      401,
      'TOKEN_UNKNOWN',
      `This device token is not known (a token replaced by a renewal stops after its overlap). ${REENROL}`,
    );
  }
  if (device.revoked_at) {
    throw new HttpError(
      401,
      'TOKEN_REVOKED',
      `This device was revoked on ${device.revoked_at.toISOString()}. ${REENROL}`,
    );
  }
  if (device.expires_at.getTime() <= now.getTime()) {
    throw new HttpError(
      401,
      'TOKEN_EXPIRED',
      `This device token expired on ${device.expires_at.toISOString()}: tokens are renewed while a PC syncs, and this one did not sync in time. ${REENROL}`,
    );
  }
  const update = contactUpdate(device, readPcReport(request.headers), now);
  if (update) {
    await db.updateTable('devices').set(update).where('id', '=', device.id).execute();
  }
  return {
    actor: { type: 'device', id: device.id, facilityId: device.facility_id, name: device.name },
    currentTokenHash: device.token_hash,
    replacedToken: device.token_hash !== tokenHash,
    tokenIssuedAt: device.token_issued_at,
    expiresAt: device.expires_at,
  };
}

/**
 * The device calling. Device routes authenticate in `onRequest` (authenticate-first.ts), before
 * the body is read, and renew the token there; a handler then finds the device already known.
 */
export async function authenticateDevice(
  db: Kysely<Database>,
  request: FastifyRequest,
): Promise<DeviceActor> {
  if (request.actor?.type === 'device') return request.actor;
  const { actor } = await findDevice(db, request);
  request.actor = actor;
  return actor;
}
