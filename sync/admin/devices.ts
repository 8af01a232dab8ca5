import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { HttpError } from '../http/errors';

export interface DeviceView {
  deviceId: string;
  facilityId: string;
  name: string;
  createdAt: string;
  expiresAt: string;
  revokedAt: string | null;
  lastContactAt: string | null;
}

export async function listDevices(
  db: Kysely<Database>,
  input: { facilityId?: string | undefined },
): Promise<{ devices: DeviceView[] }> {
  let query = db.selectFrom('devices').selectAll();
  if (input.facilityId) query = query.where('facility_id', '=', input.facilityId);
  const rows = await query.orderBy('created_at').orderBy('id').execute();
  return {
    devices: rows.map((r) => ({
      deviceId: r.id,
      facilityId: r.facility_id,
      name: r.name,
      createdAt: r.created_at.toISOString(),
      expiresAt: r.expires_at.toISOString(),
      revokedAt: r.revoked_at?.toISOString() ?? null,
      lastContactAt: r.last_contact_at?.toISOString() ?? null,
    })),
  };
}

/** Effective at once: device authentication reads `revoked_at` on every request. */
export async function revokeDevice(
  db: Kysely<Database>,
  input: { deviceId: string },
): Promise<{ revoked: { deviceId: string; facilityId: string } }> {
  const revoked = await db
    .updateTable('devices')
    .set({ revoked_at: new Date() })
    .where('id', '=', input.deviceId)
    .where('revoked_at', 'is', null)
    .returning(['id', 'facility_id'])
    .executeTakeFirst();
  if (!revoked) {
    throw new HttpError(404, 'DEVICE_UNKNOWN', `There is no active device "${input.deviceId}".`);
  }
  return { revoked: { deviceId: revoked.id, facilityId: revoked.facility_id } };
}
