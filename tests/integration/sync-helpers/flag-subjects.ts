import { writeCentreDocuments } from '../../../sync/store/centre-write';
import { SAMPLE_DOCUMENTS } from '../../fixtures/model/sample-documents';
import type { TestServer } from './server';

/**
 * The items and a location of `facilityId` at the centre, as the ERP sends them: the centre
 * refuses a decision on a usage flag whose item it does not know or whose location is not of the
 * facility. Answers the location's id (one per facility: a location belongs to one).
 */
export async function addFlagSubjects(
  server: TestServer,
  facilityId: string,
  itemIds: readonly string[],
): Promise<string> {
  const locationId = `LOC-A1-${facilityId}`;
  await writeCentreDocuments(
    server.database,
    'items',
    itemIds.map((id) => ({ ...SAMPLE_DOCUMENTS.items, id, gtins: [], hibccCodes: [] })),
    'test:flag-subjects',
  );
  await writeCentreDocuments(
    server.database,
    'locations',
    [{ ...SAMPLE_DOCUMENTS.locations, id: locationId, facilityId }],
    'test:flag-subjects',
  );
  return locationId;
}
