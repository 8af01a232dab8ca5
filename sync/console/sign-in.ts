import type { Kysely } from 'kysely';
import {
  AFTER_SUCCESSFUL_SIGN_IN,
  afterFailedSignIn,
  lockedUntil,
  normaliseUsername,
  type ConsoleRole,
} from '../../shared/console';
import type { Database } from '../db/schema';
import { passwordMatches, spendDecoyCheck } from './password';

export type SignInOutcome =
  | { ok: true; user: { username: string; displayName: string; role: ConsoleRole } }
  | {
      ok: false;
      reason: 'unknown-user' | 'disabled' | 'wrong-password' | 'locked';
      username: string;
      lockedUntil?: string;
      failedCount?: number;
    };

/**
 * Checks a console password with the lockout of shared/console. The slow Argon2id check runs
 * outside any transaction (on PGlite a transaction holds the one connection); the counter is
 * then read again under a row lock, so parallel guesses each count, and a lock set by one of
 * them meanwhile refuses even a right password.
 */
export async function checkConsoleSignIn(
  db: Kysely<Database>,
  input: { username: string; password: string },
  now: () => Date = () => new Date(),
): Promise<SignInOutcome> {
  const username = normaliseUsername(input.username);
  const user = await db
    .selectFrom('console_users')
    .selectAll()
    .where('username', '=', username)
    .executeTakeFirst();
  if (!user) {
    await spendDecoyCheck(input.password);
    return { ok: false, reason: 'unknown-user', username };
  }
  if (user.disabled_at) {
    await spendDecoyCheck(input.password);
    return { ok: false, reason: 'disabled', username };
  }
  const counterOf = (row: { failed_count: number; locked_until: Date | null }) => ({
    failedCount: row.failed_count,
    lockedUntil: row.locked_until?.toISOString() ?? null,
  });
  const lockedAtStart = lockedUntil(counterOf(user), now());
  if (lockedAtStart) return { ok: false, reason: 'locked', username, lockedUntil: lockedAtStart };
  const matches = await passwordMatches(input.password, user.password_hash);
  return db.transaction().execute(async (trx): Promise<SignInOutcome> => {
    const current = await trx
      .selectFrom('console_users')
      .select(['failed_count', 'locked_until'])
      .where('username', '=', username)
      .forUpdate()
      .executeTakeFirstOrThrow();
    const at = now();
    const locked = lockedUntil(counterOf(current), at);
    if (locked) return { ok: false, reason: 'locked', username, lockedUntil: locked };
    const next = matches ? AFTER_SUCCESSFUL_SIGN_IN : afterFailedSignIn(counterOf(current), at);
    await trx
      .updateTable('console_users')
      .set({ failed_count: next.failedCount, locked_until: next.lockedUntil })
      .where('username', '=', username)
      .execute();
    if (matches) {
      return {
        ok: true,
        user: { username, displayName: user.display_name, role: user.role },
      };
    }
    return next.lockedUntil
      ? {
          ok: false,
          reason: 'locked',
          username,
          lockedUntil: next.lockedUntil,
          failedCount: next.failedCount,
        }
      : { ok: false, reason: 'wrong-password', username, failedCount: next.failedCount };
  });
}
