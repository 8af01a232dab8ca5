import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { HttpError } from '../http/errors';

/** A route's facility must exist: 404 FACILITY_UNKNOWN, naming it, when the centre has none such. */
export async function requireFacility(db: Kysely<Database>, facilityId: string): Promise<void> {
  const facility = await db
    .selectFrom('facilities')
    .select('id')
    .where('id', '=', facilityId)
    .executeTakeFirst();
  if (!facility) {
    throw new HttpError(404, 'FACILITY_UNKNOWN', `There is no facility "${facilityId}".`);
  }
}
