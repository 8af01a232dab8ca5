import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import type { DeviceActor } from '../auth/device-auth';
import type { DocumentWrite } from '../store/documents';
import { recordAudit } from './record';

/**
 * A PC's sign-ins, wrong PINs and lockouts reach the centre as `sign_in_events` documents; each
 * new one becomes an audit line in the same transaction as its push, so the log and the stored
 * attempts never disagree. The actor is the person (when known), the PC is in the detail.
 */
export async function auditSignIns(
  trx: Kysely<Database>,
  device: DeviceActor,
  writes: readonly DocumentWrite[],
): Promise<void> {
  for (const { body } of writes) {
    const outcome = String(body['outcome']);
    await recordAudit(trx, {
      actorType: body['userId'] ? 'user' : 'device',
      actorId: String(body['userId'] ?? device.id),
      ip: null,
      action: `pc ${outcome}`,
      target: JSON.stringify({ facilityId: device.facilityId, deviceId: device.id }),
      outcome: outcome === 'signed-in' ? 'accepted' : 'refused',
      status: null,
      detail: {
        attempt: body['id'],
        method: body['method'],
        occurredAt: body['occurredAt'],
        ...(body['lockedUntil'] ? { lockedUntil: body['lockedUntil'] } : {}),
      },
    });
  }
}
