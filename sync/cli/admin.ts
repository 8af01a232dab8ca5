import { userInfo } from 'node:os';
import type { Kysely } from 'kysely';
import { recordAudit } from '../audit/record';
import type { Database } from '../db/schema';
import { HttpError } from '../http/errors';
import { COMMANDS, type AdminCall } from './admin-commands';
import { parseArguments } from './arguments';

export const USAGE = Object.values(COMMANDS).map((c) => c.usage);

export type AdminResult =
  { ok: true; output: object } | { ok: false; error: { code: string; message: string } };

/** Finds the command in argv and turns its options into the admin call it stands for. */
export function planAdmin(
  argv: readonly string[],
):
  | { ok: true; name: string; call: AdminCall; options: Record<string, string> }
  | (AdminResult & { ok: false }) {
  const { words, options } = parseArguments(argv);
  const name = words.join(' ');
  const command = COMMANDS[name];
  if (!command) {
    return {
      ok: false,
      error: {
        code: 'UNKNOWN_COMMAND',
        message: `Unknown command "${name}". Commands: ${USAGE.join(' | ')}`,
      },
    };
  }
  try {
    return { ok: true, name, call: command.plan(options), options };
  } catch (error) {
    if (!(error instanceof HttpError)) throw error;
    return { ok: false, error: { code: error.code, message: error.message } };
  }
}

/**
 * Runs one admin command on an open database (no endpoint owns it); every outcome is JSON and
 * lands in the audit log. Beside a running endpoint the same call goes over its admin API instead.
 */
export async function runAdmin(
  db: Kysely<Database>,
  argv: readonly string[],
): Promise<AdminResult> {
  const planned = planAdmin(argv);
  if (!planned.ok) return planned;
  let result: AdminResult;
  try {
    result = { ok: true, output: await planned.call.direct(db) };
  } catch (error) {
    if (!(error instanceof HttpError)) throw error;
    result = { ok: false, error: { code: error.code, message: error.message } };
  }
  const { key: _secret, ...auditable } = planned.options;
  await recordAudit(db, {
    actorType: 'cli',
    actorId: userInfo().username,
    ip: null,
    action: `cli ${planned.name}`,
    target: null,
    outcome: result.ok ? 'accepted' : 'refused',
    status: null,
    detail: result.ok ? { options: auditable } : { options: auditable, error: result.error.code },
  });
  return result;
}
