import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { SearchParamError } from '../fhir/search-params';

/**
 * A search by a facility the centre does not know is refused rather than answered with an empty
 * Bundle: an ERP with a mistyped id would otherwise conclude that the facility has no stock.
 */
export async function requireKnownFacility(
  db: Kysely<Database>,
  facility: string | undefined,
): Promise<void> {
  if (facility === undefined) return;
  const known = await db
    .selectFrom('facilities')
    .select('id')
    .where('id', '=', facility)
    .executeTakeFirst();
  if (known) return;
  throw new SearchParamError(
    'facility',
    `There is no facility "${facility}". Facility ids are case-sensitive: use the id exactly as the centre lists it (ask the centre's administrator for it), or leave facility out to search every facility.`,
    'FACILITY_UNKNOWN',
  );
}
