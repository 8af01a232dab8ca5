import type { Kysely } from 'kysely';
import { compileValidator, FacilityId } from '../../shared/model';
import { createEnrollmentCode } from '../auth/enrollment';
import type { Database } from '../db/schema';
import { HttpError } from '../http/errors';
import { refuseBlankName } from './visible-name';

const facilityIdValidator = compileValidator(FacilityId);

export interface FacilityView {
  id: string;
  name: string;
  createdAt: string;
}

export async function addFacility(
  db: Kysely<Database>,
  input: { id: string; name: string },
): Promise<{ facility: { id: string; name: string } }> {
  if (!facilityIdValidator.check(input.id)) {
    throw new HttpError(
      400,
      'FACILITY_ID_INVALID',
      `"${input.id}" is not a facility id: use letters, digits, . _ : - (at most 64).`,
    );
  }
  refuseBlankName(input.name, 'facility', 'give the name the console and the PCs will show.');
  const inserted = await db
    .insertInto('facilities')
    .values({ id: input.id, name: input.name })
    .onConflict((oc) => oc.column('id').doNothing())
    .returning('id')
    .executeTakeFirst();
  if (!inserted) {
    throw new HttpError(409, 'FACILITY_EXISTS', `Facility "${input.id}" already exists.`);
  }
  return { facility: { id: input.id, name: input.name } };
}

export async function listFacilities(
  db: Kysely<Database>,
): Promise<{ facilities: FacilityView[] }> {
  const rows = await db.selectFrom('facilities').selectAll().orderBy('id').execute();
  return {
    facilities: rows.map((r) => ({
      id: r.id,
      name: r.name,
      createdAt: r.created_at.toISOString(),
    })),
  };
}

export async function facilityExists(db: Kysely<Database>, id: string): Promise<void> {
  const found = await db
    .selectFrom('facilities')
    .select('id')
    .where('id', '=', id)
    .executeTakeFirst();
  if (!found) {
    throw new HttpError(
      404,
      'FACILITY_UNKNOWN',
      `There is no facility "${id}"; add it with: facility add --id ${id} --name <name>.`,
    );
  }
}

export async function createEnrollment(
  db: Kysely<Database>,
  input: { facilityId: string; ttlMs: number },
): Promise<{ code: string; facilityId: string; expiresAt: string }> {
  await facilityExists(db, input.facilityId);
  return createEnrollmentCode(db, input.facilityId, input.ttlMs);
}
