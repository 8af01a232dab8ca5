import type { Item, RequestStatus, SupplyRequest } from '../../shared/model';
import type { FhirResource, StoredMeta } from './fhir-resource';
import { fhirInstant, itemConcept, unitsOf } from './item-concept';
import {
  EXTENSION,
  identifier,
  locationRef,
  metaOf,
  personRef,
  resourceId,
  SYSTEM,
} from './fhir-naming';

/** Our request statuses on FHIR's (supplyrequest-status); the exact one rides in an extension. */
const STATUS: Record<RequestStatus, string> = {
  draft: 'draft',
  submitted: 'active',
  acknowledged: 'active',
  approved: 'active',
  ordered: 'active',
  picking: 'active',
  shipped: 'active',
  received: 'completed',
  rejected: 'cancelled',
  cancelled: 'cancelled',
};

/**
 * One FHIR SupplyRequest per line: an R5 SupplyRequest asks for one item. The lines of one request
 * share its identifier (system `supply-request`), so a search by identifier finds them all.
 */
export function supplyRequestsOf(
  request: SupplyRequest,
  stored: StoredMeta,
  items: ReadonlyMap<string, Item>,
): FhirResource[] {
  return request.lines.map((line, index) => {
    const item = items.get(line.itemId);
    const lineNo = String(index + 1);
    return {
      resourceType: 'SupplyRequest',
      id: resourceId('supply-request', request.id, lineNo),
      meta: metaOf(stored),
      extension: [{ url: EXTENSION.requestStatus, valueCode: request.status }],
      identifier: [
        identifier(SYSTEM.request, request.id),
        identifier(SYSTEM.requestLine, `${request.id}/${lineNo}`),
      ],
      status: STATUS[request.status],
      category: { coding: [{ system: SYSTEM.requestKind, code: request.kind }] },
      priority: request.priority,
      item: { concept: itemConcept(line.itemId, item) },
      quantity: unitsOf(line.quantity, item),
      ...(request.neededBy ? { occurrenceDateTime: fhirInstant(request.neededBy) } : {}),
      authoredOn: fhirInstant(request.createdAt),
      requester: personRef(request.createdBy),
      ...(request.reason ? { reason: [{ concept: { text: request.reason } }] } : {}),
      deliverTo: locationRef(request.locationId),
    };
  });
}
