import { userInfo } from 'node:os';
import type { Kysely } from 'kysely';
import { recordAudit } from '../audit/record';
import type { Database } from '../db/schema';
import { addFacility, CommandError, createApiKey, enroll, revokeDevice } from './admin-commands';
import { parseArguments } from './arguments';

type Command = (db: Kysely<Database>, options: Record<string, string>) => Promise<object>;

const COMMANDS: Record<string, Command> = {
  'facility add': addFacility,
  enroll,
  'api-key': createApiKey,
  'device revoke': revokeDevice,
};

export const USAGE = [
  'facility add --id F --name N',
  'enroll --facility F [--ttl 24h]',
  'api-key --name N --scopes events:read,recalls:write,...',
  'device revoke --device D',
];

export type AdminResult =
  { ok: true; output: object } | { ok: false; error: { code: string; message: string } };

/** Runs one admin command; every outcome is JSON and lands in the audit log. */
export async function runAdmin(
  db: Kysely<Database>,
  argv: readonly string[],
): Promise<AdminResult> {
  const { words, options } = parseArguments(argv);
  const name = Object.keys(COMMANDS).find((c) => c === words.join(' '));
  const command = name ? COMMANDS[name] : undefined;
  if (!name || !command) {
    return {
      ok: false,
      error: {
        code: 'UNKNOWN_COMMAND',
        message: `Unknown command "${words.join(' ')}". Commands: ${USAGE.join(' | ')}`,
      },
    };
  }
  let result: AdminResult;
  try {
    result = { ok: true, output: await command(db, options) };
  } catch (error) {
    if (!(error instanceof CommandError)) throw error;
    result = { ok: false, error: { code: error.code, message: error.message } };
  }
  const { key: _secret, ...auditable } = options;
  await recordAudit(db, {
    actorType: 'cli',
    actorId: userInfo().username,
    ip: null,
    action: `cli ${name}`,
    target: null,
    outcome: result.ok ? 'accepted' : 'refused',
    status: null,
    detail: result.ok ? { options: auditable } : { options: auditable, error: result.error.code },
  });
  return result;
}
