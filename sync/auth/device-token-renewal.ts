import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import type { AuthenticatedDevice } from './device-auth';
import { renewalDue, type DeviceTokenPolicy } from './device-token-policy';
import { hashSecret, newSecret } from './secrets';

export interface RenewedToken {
  token: string;
  expiresAt: Date;
}

/** The response headers that carry a renewed token to the PC. */
export const RENEWED_TOKEN_HEADER = 'x-device-token';
export const RENEWED_TOKEN_EXPIRES_HEADER = 'x-device-token-expires';

/**
 * Hands the device a fresh token when its current one is in the last part of its life, or when it
 * called with a replaced one. The token it replaces stays accepted for the overlap. The swap is
 * conditional on the current token being the one read, so two requests racing renew once.
 */
export async function renewIfDue(
  db: Kysely<Database>,
  policy: DeviceTokenPolicy,
  device: AuthenticatedDevice,
  now = new Date(),
): Promise<RenewedToken | null> {
  const current = { issuedAt: device.tokenIssuedAt, expiresAt: device.expiresAt };
  if (!renewalDue(policy, now, current, device.replacedToken)) return null;
  const token = newSecret('dev');
  const expiresAt = new Date(now.getTime() + policy.ttlMs);
  const overlapUntil = new Date(
    Math.min(now.getTime() + policy.overlapMs, device.expiresAt.getTime()),
  );
  return db.transaction().execute(async (trx) => {
    const swapped = await trx
      .updateTable('devices')
      .set({ token_hash: hashSecret(token), token_issued_at: now, expires_at: expiresAt })
      .where('id', '=', device.actor.id)
      .where('token_hash', '=', device.currentTokenHash)
      .returning('id')
      .executeTakeFirst();
    if (!swapped) return null;
    await trx
      .insertInto('device_token_overlap')
      .values({
        token_hash: device.currentTokenHash,
        device_id: device.actor.id,
        valid_until: overlapUntil,
      })
      .onConflict((oc) => oc.column('token_hash').doNothing())
      .execute();
    // Replaced tokens past their overlap are of no more use to anyone.
    await trx
      .deleteFrom('device_token_overlap')
      .where('device_id', '=', device.actor.id)
      .where('valid_until', '<=', now)
      .execute();
    return { token, expiresAt };
  });
}
