import type { Kysely } from 'kysely';
import {
  CONSOLE_USERNAME,
  isConsoleRole,
  normaliseUsername,
  passwordProblem,
  type ConsoleRole,
  type ConsoleUserView,
} from '../../shared/console';
import type { Database } from '../db/schema';
import { HttpError } from '../http/errors';
import { hashPassword, newInitialPassword } from './password';

function checkNew(input: { username: string; role: string; password?: string | undefined }) {
  if (!CONSOLE_USERNAME.test(input.username)) {
    throw new HttpError(
      400,
      'USERNAME_INVALID',
      `"${input.username}" is not a console username: 2–64 lower-case letters, digits, . _ @ -, starting with a letter or digit.`,
    );
  }
  if (!isConsoleRole(input.role)) {
    throw new HttpError(400, 'ROLE_UNKNOWN', `The role must be admin, buyer or analyst.`);
  }
  const problem = input.password === undefined ? undefined : passwordProblem(input.password);
  if (problem) throw new HttpError(400, 'PASSWORD_WEAK', problem);
}

/**
 * Adds a person to the console. Without a password one is made and shown only in this answer,
 * so no password ever has to be typed on a command line (where `ps` and shell history see it).
 */
export async function addConsoleUser(
  db: Kysely<Database>,
  input: { username: string; displayName?: string | undefined; role: string; password?: string },
): Promise<{ consoleUser: ConsoleUserView; password?: string; note?: string }> {
  const username = normaliseUsername(input.username);
  checkNew({ ...input, username });
  const made = input.password === undefined ? newInitialPassword() : undefined;
  const passwordHash = await hashPassword(input.password ?? made ?? '');
  const inserted = await db
    .insertInto('console_users')
    .values({
      username,
      display_name: input.displayName?.trim() || username,
      role: input.role as ConsoleRole,
      password_hash: passwordHash,
    })
    .onConflict((oc) => oc.column('username').doNothing())
    .returningAll()
    .executeTakeFirst();
  if (!inserted) {
    throw new HttpError(
      409,
      'CONSOLE_USER_EXISTS',
      `The console user "${username}" already exists.`,
    );
  }
  return {
    consoleUser: viewOf(inserted),
    ...(made
      ? { password: made, note: 'The password is shown only now; hand it over in person.' }
      : {}),
  };
}

export async function listConsoleUsers(
  db: Kysely<Database>,
): Promise<{ consoleUsers: ConsoleUserView[] }> {
  const rows = await db.selectFrom('console_users').selectAll().orderBy('username').execute();
  return { consoleUsers: rows.map(viewOf) };
}

/** Disabling ends the person's sessions at once: the session check reads disabled_at. */
export async function disableConsoleUser(
  db: Kysely<Database>,
  input: { username: string },
): Promise<{ disabled: { username: string } }> {
  const username = normaliseUsername(input.username);
  const row = await db
    .updateTable('console_users')
    .set({ disabled_at: new Date() })
    .where('username', '=', username)
    .where('disabled_at', 'is', null)
    .returning('username')
    .executeTakeFirst();
  if (!row) {
    throw new HttpError(
      404,
      'CONSOLE_USER_UNKNOWN',
      `There is no active console user "${username}".`,
    );
  }
  await db
    .updateTable('console_sessions')
    .set({ ended_at: new Date() })
    .where('username', '=', username)
    .where('ended_at', 'is', null)
    .execute();
  return { disabled: { username } };
}

function viewOf(row: {
  username: string;
  display_name: string;
  role: ConsoleRole;
  created_at: Date;
  disabled_at: Date | null;
  locked_until: Date | null;
}): ConsoleUserView {
  return {
    username: row.username,
    displayName: row.display_name,
    role: row.role,
    createdAt: row.created_at.toISOString(),
    disabledAt: row.disabled_at?.toISOString() ?? null,
    lockedUntil:
      row.locked_until && row.locked_until.getTime() > Date.now()
        ? row.locked_until.toISOString()
        : null,
  };
}
