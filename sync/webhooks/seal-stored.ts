import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { openSecret, sealSecret, SecretUnreadable, type SecretKeyring } from './secret-box';

/** The secret sealed under the current key, or null when this keyring cannot open it. */
function resealed(keyring: SecretKeyring, sealed: string, id: string): string | null {
  try {
    return sealSecret(keyring, openSecret(keyring, sealed, id), id).sealed;
  } catch (error) {
    if (error instanceof SecretUnreadable) return null;
    throw error;
  }
}

/**
 * Seals what the database still holds in plain text (endpoints registered before migration 005)
 * and re-seals secrets sealed under an older key this endpoint still holds, then clears the plain
 * text. Runs when the webhook worker starts: migrations cannot, since the key is not in the
 * database. Answers how many endpoints it changed.
 */
export async function sealStoredSecrets(
  db: Kysely<Database>,
  keyring: SecretKeyring,
): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const rows = await trx
      .selectFrom('webhook_endpoints')
      .select(['id', 'secret', 'secret_sealed', 'secret_key_id', 'previous_secret_sealed'])
      .where((eb) =>
        eb.or([
          eb('secret', 'is not', null),
          eb.and([
            eb('secret_key_id', 'is not', null),
            eb('secret_key_id', '!=', keyring.current.id),
          ]),
        ]),
      )
      .forUpdate()
      .execute();
    let changed = 0;
    for (const row of rows) {
      const current = row.secret_sealed
        ? resealed(keyring, row.secret_sealed, row.id)
        : row.secret !== null
          ? sealSecret(keyring, row.secret, row.id).sealed
          : null;
      // Sealed under a key this process does not hold: left for a process that holds it.
      if (!current) continue;
      await trx
        .updateTable('webhook_endpoints')
        .set({
          secret: null,
          secret_sealed: current,
          secret_key_id: keyring.current.id,
          previous_secret_sealed: row.previous_secret_sealed
            ? resealed(keyring, row.previous_secret_sealed, row.id)
            : null,
        })
        .where('id', '=', row.id)
        .execute();
      changed += 1;
    }
    return changed;
  });
}
