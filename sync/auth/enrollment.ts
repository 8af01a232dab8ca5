import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { HttpError } from '../http/errors';
import { DEFAULT_DEVICE_TOKEN_POLICY } from './device-token-policy';
import { hashSecret, newId, newSecret } from './secrets';

export const DEFAULT_CODE_TTL_MS = 24 * 60 * 60 * 1000;
/** A device token's life; renewed while the device syncs (device-token-policy.ts). */
export const DEFAULT_TOKEN_TTL_MS = DEFAULT_DEVICE_TOKEN_POLICY.ttlMs;

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

/** Why a code cannot be spent, or null when it can (checked again when it is spent). */
export async function enrollmentCodeRefusal(
  db: Kysely<Database>,
  code: string,
  now = new Date(),
): Promise<string | null> {
  const known = await db
    .selectFrom('enrollment_codes')
    .select(['used_at', 'expires_at'])
    .where('code_hash', '=', hashSecret(code))
    .executeTakeFirst();
  if (!known) return 'is not known';
  if (known.used_at) return 'was already used';
  if (known.expires_at.getTime() <= now.getTime()) return 'has expired';
  return null;
}

export function enrollmentCodeInvalid(why: string): HttpError {
  return new HttpError(
    401,
    'ENROLLMENT_CODE_INVALID',
    `This enrollment code ${why}; ask the centre for a new one.`,
  );
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
): Promise<{ deviceId: string; facilityId: string; token: string; tokenExpiresAt: string }> {
  const deviceId = newId('DEV');
  const token = newSecret('dev');
  const now = new Date();
  const tokenExpiresAt = new Date(now.getTime() + tokenTtlMs);
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
      throw enrollmentCodeInvalid((await enrollmentCodeRefusal(trx, code)) ?? 'was already used');
    }
    await trx
      .insertInto('devices')
      .values({
        id: deviceId,
        facility_id: spent.facility_id,
        name: deviceName,
        token_hash: hashSecret(token),
        token_issued_at: now,
        expires_at: tokenExpiresAt,
      })
      .execute();
    return {
      deviceId,
      facilityId: spent.facility_id,
      token,
      tokenExpiresAt: tokenExpiresAt.toISOString(),
    };
  });
}
