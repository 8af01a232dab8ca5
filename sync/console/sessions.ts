import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import {
  CONSOLE_SESSION_IDLE_MS,
  CONSOLE_SESSION_MAX_MS,
  type ConsoleRole,
} from '../../shared/console';
import { hashSecret } from '../auth/secrets';
import type { Database } from '../db/schema';

export interface ConsoleSession {
  username: string;
  displayName: string;
  role: ConsoleRole;
  expiresAt: string;
}

/** How often an active session's last-seen time is written (not on every request). */
const TOUCH_EVERY_MS = 60_000;

/**
 * The CSRF token is derived from the session token, which only the browser's HttpOnly cookie
 * holds: a page of another site can neither read the cookie nor the answer that hands the token
 * out, so it cannot forge the header; every tab of one session gets the same token, and no
 * endpoint process needs a secret of its own (several processes share only the database).
 */
export function csrfTokenOf(sessionToken: string): string {
  return createHash('sha256').update(`stockroom-console-csrf\0${sessionToken}`).digest('base64url');
}

/** 32 random bytes; only its SHA-256 is stored, as for every other secret of the endpoint. */
export async function startConsoleSession(
  db: Kysely<Database>,
  input: { username: string; ip: string | null },
  now = new Date(),
): Promise<{ token: string; expiresAt: string }> {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + CONSOLE_SESSION_MAX_MS);
  await db
    .insertInto('console_sessions')
    .values({
      token_hash: hashSecret(token),
      username: input.username,
      expires_at: expiresAt,
      last_seen_at: now,
      ip: input.ip,
    })
    .execute();
  return { token, expiresAt: expiresAt.toISOString() };
}

/** The live session behind a cookie: not ended, not past its end or idle limit, its person active. */
export async function findConsoleSession(
  db: Kysely<Database>,
  token: string,
  now = new Date(),
): Promise<ConsoleSession | null> {
  const tokenHash = hashSecret(token);
  const row = await db
    .selectFrom('console_sessions as s')
    .innerJoin('console_users as u', 'u.username', 's.username')
    .select(['s.username', 's.expires_at', 's.last_seen_at', 'u.display_name', 'u.role'])
    .where('s.token_hash', '=', tokenHash)
    .where('s.ended_at', 'is', null)
    .where('u.disabled_at', 'is', null)
    .where('s.expires_at', '>', now)
    .where('s.last_seen_at', '>', new Date(now.getTime() - CONSOLE_SESSION_IDLE_MS))
    .executeTakeFirst();
  if (!row) return null;
  if (now.getTime() - row.last_seen_at.getTime() > TOUCH_EVERY_MS) {
    await db
      .updateTable('console_sessions')
      .set({ last_seen_at: now })
      .where('token_hash', '=', tokenHash)
      .execute();
  }
  return {
    username: row.username,
    displayName: row.display_name,
    role: row.role,
    expiresAt: row.expires_at.toISOString(),
  };
}

export async function endConsoleSession(db: Kysely<Database>, token: string): Promise<void> {
  await db
    .updateTable('console_sessions')
    .set({ ended_at: new Date() })
    .where('token_hash', '=', hashSecret(token))
    .where('ended_at', 'is', null)
    .execute();
}
