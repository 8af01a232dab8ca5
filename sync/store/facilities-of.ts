import { COLLECTIONS, type CollectionName } from '../../shared/model';
import type { Doc } from './canonical';

/** Which facilities may see a document, from its collection's scope. */
export function facilitiesOf(collection: CollectionName, body: Doc): string[] | null {
  const scope = COLLECTIONS[collection].scope;
  if (scope === 'global') return null;
  if (scope === 'facility') return [String(body['facilityId'])];
  return Array.isArray(body['facilityIds']) ? body['facilityIds'].map(String) : [];
}
