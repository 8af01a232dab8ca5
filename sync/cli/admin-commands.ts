import type { Kysely } from 'kysely';
import { FacilityId } from '../../shared/model';
import { compileValidator } from '../../shared/model';
import { API_SCOPES, type ApiScope } from '../auth/api-key-auth';
import { createEnrollmentCode, DEFAULT_CODE_TTL_MS } from '../auth/enrollment';
import { hashSecret, newId, newSecret } from '../auth/secrets';
import type { Database } from '../db/schema';
import { jsonb } from '../store/json';
import { parseDuration } from './arguments';

export class CommandError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const facilityIdValidator = compileValidator(FacilityId);

function required(options: Record<string, string>, name: string): string {
  const value = options[name];
  if (!value || value === 'true')
    throw new CommandError('MISSING_OPTION', `--${name} is required.`);
  return value;
}

async function facilityExists(db: Kysely<Database>, id: string): Promise<void> {
  const found = await db
    .selectFrom('facilities')
    .select('id')
    .where('id', '=', id)
    .executeTakeFirst();
  if (!found) {
    throw new CommandError(
      'FACILITY_UNKNOWN',
      `There is no facility "${id}"; add it with: facility add --id ${id} --name <name>.`,
    );
  }
}

export async function addFacility(db: Kysely<Database>, options: Record<string, string>) {
  const id = required(options, 'id');
  const name = required(options, 'name');
  if (!facilityIdValidator.check(id)) {
    throw new CommandError(
      'FACILITY_ID_INVALID',
      `"${id}" is not a facility id: use letters, digits, . _ : - (at most 64).`,
    );
  }
  const inserted = await db
    .insertInto('facilities')
    .values({ id, name })
    .onConflict((oc) => oc.column('id').doNothing())
    .returning('id')
    .executeTakeFirst();
  if (!inserted) throw new CommandError('FACILITY_EXISTS', `Facility "${id}" already exists.`);
  return { facility: { id, name } };
}

export async function enroll(db: Kysely<Database>, options: Record<string, string>) {
  const facilityId = required(options, 'facility');
  const ttl = options['ttl'] ? parseDuration(options['ttl']) : DEFAULT_CODE_TTL_MS;
  if (!ttl) throw new CommandError('TTL_INVALID', `--ttl takes a duration such as 15m, 24h or 7d.`);
  await facilityExists(db, facilityId);
  return createEnrollmentCode(db, facilityId, ttl);
}

export async function createApiKey(db: Kysely<Database>, options: Record<string, string>) {
  const name = required(options, 'name');
  const scopes = required(options, 'scopes')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const unknown = scopes.filter((s) => !API_SCOPES.includes(s as ApiScope));
  if (unknown.length > 0) {
    throw new CommandError(
      'SCOPE_UNKNOWN',
      `Unknown scope ${unknown.join(', ')}; known: ${API_SCOPES.join(', ')}.`,
    );
  }
  const key = newSecret('sk');
  const id = newId('KEY');
  await db
    .insertInto('api_keys')
    .values({ id, name, key_hash: hashSecret(key), scopes: jsonb(scopes) })
    .execute();
  return { apiKey: { id, name, scopes, key }, note: 'The key is shown only now; store it safely.' };
}

export async function revokeDevice(db: Kysely<Database>, options: Record<string, string>) {
  const deviceId = required(options, 'device');
  const revoked = await db
    .updateTable('devices')
    .set({ revoked_at: new Date() })
    .where('id', '=', deviceId)
    .where('revoked_at', 'is', null)
    .returning(['id', 'facility_id'])
    .executeTakeFirst();
  if (!revoked) {
    throw new CommandError('DEVICE_UNKNOWN', `There is no active device "${deviceId}".`);
  }
  return { revoked: { deviceId: revoked.id, facilityId: revoked.facility_id } };
}
