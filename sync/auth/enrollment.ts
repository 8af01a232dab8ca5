import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { HttpError } from '../http/errors';
import { hashSecret, newId, newSecret } from './secrets';

export const DEFAULT_CODE_TTL_MS = 24 * 60 * 60 * 1000;
export const DEFAULT_TOKEN_TTL_MS = 365 * 24 * 60 * 60 * 1000;

export async function createEnrollmentCode(
  db: Kysely<Database>,
  facilityId: string,
  ttlMs: number,
): Promise<{ code: string; facilityId: string; expiresAt: string }> {
  const code = newSecret('enr');
  const expiresAt = new Date(Date.now() + ttlMs);
  await db
    .insertInto('enrollment_codes')
    .values({ code_hash: hashSecret(code), facility_id: facilityId, expires_at: expiresAt })
    .execute();
  return { code, facilityId, expiresAt: expiresAt.toISOString() };
}

/**
 * The code is spent by one UPDATE that only matches an unused, unexpired code, so two devices
 * racing with the same code cannot both win.
 */
export async function enrollDevice(
  db: Kysely<Database>,
  code: string,
  deviceName: string,
  tokenTtlMs = DEFAULT_TOKEN_TTL_MS,
): Promise<{ deviceId: string; facilityId: string; token: string }> {
  const deviceId = newId('DEV');
  const token = newSecret('dev');
  return db.transaction().execute(async (trx) => {
    const spent = await trx
      .updateTable('enrollment_codes')
      .set({ used_at: new Date(), used_by_device: deviceId })
      .where('code_hash', '=', hashSecret(code))
      .where('used_at', 'is', null)
      .where('expires_at', '>', new Date())
      .returning('facility_id')
      .executeTakeFirst();
    if (!spent) {
      const known = await trx
        .selectFrom('enrollment_codes')
        .select(['used_at'])
        .where('code_hash', '=', hashSecret(code))
        .executeTakeFirst();
      const why = !known ? 'is not known' : known.used_at ? 'was already used' : 'has expired';
      throw new HttpError(
        400,
        'ENROLLMENT_CODE_INVALID',
        `This enrollment code ${why}; ask the centre for a new one.`,
      );
    }
    await trx
      .insertInto('devices')
      .values({
        id: deviceId,
        facility_id: spent.facility_id,
        name: deviceName,
        token_hash: hashSecret(token),
        expires_at: new Date(Date.now() + tokenTtlMs),
      })
      .execute();
    return { deviceId, facilityId: spent.facility_id, token };
  });
}
