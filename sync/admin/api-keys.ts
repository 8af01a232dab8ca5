import { apiKeyState, type ApiKeyView } from '../../shared/console';
import { sql, type Kysely } from 'kysely';
import { API_SCOPES, type ApiScope } from '../auth/api-key-auth';
import { hashSecret, newId, newSecret } from '../auth/secrets';
import type { Database } from '../db/schema';
import { HttpError } from '../http/errors';
import { jsonb } from '../store/json';
import { refuseBlankName } from './visible-name';

const SHOWN_ONCE = 'The key is shown only now; store it safely.';

/** The advisory lock key ('AKNM') taken by every key creation, so a name is checked and taken as one. */
const KEY_NAME_LOCK = 0x41_4b_4e_4d;

function checkScopes(scopes: readonly string[]): void {
  const unknown = scopes.filter((s) => !API_SCOPES.includes(s as ApiScope));
  if (unknown.length > 0 || scopes.length === 0) {
    throw new HttpError(
      400,
      'SCOPE_UNKNOWN',
      unknown.length > 0
        ? `Unknown scope ${unknown.join(', ')}; known: ${API_SCOPES.join(', ')}.`
        : `Give at least one scope; known: ${API_SCOPES.join(', ')}.`,
    );
  }
  // A scope listed twice is a form or script gone wrong; what was meant is for its sender to say.
  const repeated = scopes.filter((s, i) => scopes.indexOf(s) !== i);
  if (repeated.length > 0) {
    throw new HttpError(
      400,
      'SCOPE_REPEATED',
      `Scope ${[...new Set(repeated)].join(', ')} is listed more than once; list each scope once.`,
    );
  }
}

function expiryOf(expiresAt: string | null | undefined, now: Date): Date | null {
  if (!expiresAt) return null;
  const when = new Date(expiresAt);
  if (Number.isNaN(when.getTime()) || when.getTime() <= now.getTime()) {
    // The sender's own words first: the console turns this code into the date its person typed.
    throw new HttpError(
      400,
      'EXPIRY_INVALID',
      `Nothing was changed: the expiry ${expiresAt} is not after now (${now.toISOString()}), so the key would stop at once. Give a later time, or no expiry for a key that never expires.`,
      [{ field: 'expiresAt', message: 'must be after now' }],
    );
  }
  return when;
}

export async function createApiKey(
  db: Kysely<Database>,
  input: { name: string; scopes: string[]; expiresAt?: string | null | undefined },
  now = new Date(),
) {
  checkScopes(input.scopes);
  refuseBlankName(
    input.name,
    'key',
    'name the key after the system that will use it, e.g. erp-main.',
  );
  const expiresAt = expiryOf(input.expiresAt, now);
  const key = newSecret('sk');
  const id = newId('KEY');
  // Two creations under one name at once (a double-clicked form, the CLI beside the console) each
  // saw the name free and both stored it. A unique index cannot say it: names are compared
  // trimmed and without case, and networks may already hold repeated names from before the rule.
  await db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(${KEY_NAME_LOCK})`.execute(trx);
    await refuseNameInUse(trx, input.name);
    await trx
      .insertInto('api_keys')
      .values({
        id,
        name: input.name,
        key_hash: hashSecret(key),
        scopes: jsonb(input.scopes),
        expires_at: expiresAt,
      })
      .execute();
  });
  return {
    apiKey: {
      id,
      name: input.name,
      scopes: input.scopes,
      expiresAt: expiresAt?.toISOString() ?? null,
      key,
    },
    note: SHOWN_ONCE,
  };
}

export async function listApiKeys(
  db: Kysely<Database>,
  now = new Date(),
): Promise<{ apiKeys: ApiKeyView[] }> {
  const rows = await db
    .selectFrom('api_keys')
    .select(['id', 'name', 'scopes', 'created_at', 'expires_at', 'revoked_at', 'rotated_at'])
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return {
    apiKeys: rows.map((r) => ({
      id: r.id,
      name: r.name,
      scopes: r.scopes,
      createdAt: r.created_at.toISOString(),
      expiresAt: r.expires_at?.toISOString() ?? null,
      revokedAt: r.revoked_at?.toISOString() ?? null,
      rotatedAt: r.rotated_at?.toISOString() ?? null,
      state: apiKeyState({ revokedAt: r.revoked_at, expiresAt: r.expires_at }, now),
    })),
  };
}

function unknownKey(id: string): HttpError {
  return new HttpError(404, 'API_KEY_UNKNOWN', `There is no active API key "${id}".`);
}

export async function revokeApiKey(db: Kysely<Database>, input: { id: string }) {
  const revoked = await db
    .updateTable('api_keys')
    .set({ revoked_at: new Date() })
    .where('id', '=', input.id)
    .where('revoked_at', 'is', null)
    .returning(['id', 'name'])
    .executeTakeFirst();
  if (!revoked) throw unknownKey(input.id);
  return { revoked: { id: revoked.id, name: revoked.name } };
}

/**
 * A new secret for the same key (id, name, scopes, audit trail); the old secret stops working at
 * once, so rotate when the ERP is ready to take the new one. The expiry may be moved at the same time.
 */
export async function rotateApiKey(
  db: Kysely<Database>,
  input: { id: string; expiresAt?: string | null | undefined },
  now = new Date(),
) {
  const key = newSecret('sk');
  const expiresAt = input.expiresAt === undefined ? undefined : expiryOf(input.expiresAt, now);
  const rotated = await db
    .updateTable('api_keys')
    .set({
      key_hash: hashSecret(key),
      rotated_at: now,
      ...(expiresAt === undefined ? {} : { expires_at: expiresAt }),
    })
    .where('id', '=', input.id)
    .where('revoked_at', 'is', null)
    .returning(['id', 'name', 'scopes', 'expires_at'])
    .executeTakeFirst();
  if (!rotated) throw unknownKey(input.id);
  return {
    apiKey: {
      id: rotated.id,
      name: rotated.name,
      scopes: rotated.scopes,
      expiresAt: rotated.expires_at?.toISOString() ?? null,
      key,
    },
    note: SHOWN_ONCE,
  };
}

/** Sets or clears (null) a key's expiry without changing its secret. */
export async function setApiKeyExpiry(
  db: Kysely<Database>,
  input: { id: string; expiresAt: string | null },
  now = new Date(),
) {
  const expiresAt = expiryOf(input.expiresAt, now);
  const updated = await db
    .updateTable('api_keys')
    .set({ expires_at: expiresAt })
    .where('id', '=', input.id)
    .where('revoked_at', 'is', null)
    .returning(['id', 'name'])
    .executeTakeFirst();
  if (!updated) throw unknownKey(input.id);
  return {
    apiKey: { id: updated.id, name: updated.name, expiresAt: expiresAt?.toISOString() ?? null },
  };
}

/**
 * Keys are told apart by name everywhere a person picks one (Rotate, Revoke, a webhook's key, the
 * feed positions): four keys called "erp-main" left the admin guessing which to rotate. A revoked
 * key's name is free again, as it is never picked.
 */
async function refuseNameInUse(db: Kysely<Database>, name: string): Promise<void> {
  const wanted = name.trim().toLowerCase();
  const { apiKeys } = await listApiKeys(db);
  const holder = apiKeys.find(
    (k) => k.state !== 'revoked' && k.name.trim().toLowerCase() === wanted,
  );
  if (holder) {
    throw new HttpError(
      409,
      'API_KEY_NAME_TAKEN',
      `An API key is already called "${holder.name}" (${holder.state}): give the new key a name of its own, or rotate that key for a new secret.`,
      [{ field: 'name', message: `already the name of key ${holder.id}` }],
    );
  }
}
