import type { Item, StockEvent } from '../../shared/model';
import type { FhirResource, StoredMeta } from './fhir-resource';
import { fhirInstant, itemConcept, unitsOf } from './item-concept';
import {
  identifier,
  locationRef,
  lotRef,
  metaOf,
  personRef,
  resourceId,
  SYSTEM,
} from './fhir-naming';

export const REPORT_EVENT_TYPES = ['count', 'adjust'] as const;

/**
 * A count as a snapshot InventoryReport (what was found), an adjustment as a difference (the
 * signed change). The count's `expectedQuantity` is the ledger's view, not part of a snapshot.
 */
export function inventoryReportOf(
  event: StockEvent,
  stored: StoredMeta,
  items: ReadonlyMap<string, Item>,
  reversed: boolean,
): FhirResource {
  const item = items.get(event.itemId);
  const snapshot = event.type === 'count';
  const value = snapshot ? (event.countedQuantity ?? event.quantity) : (event.delta ?? 0);
  return {
    resourceType: 'InventoryReport',
    id: resourceId('stock-event', event.id),
    meta: metaOf(stored),
    identifier: [identifier(SYSTEM.stockEvent, event.id)],
    status: reversed ? 'entered-in-error' : 'active',
    countType: snapshot ? 'snapshot' : 'difference',
    ...(!snapshot && event.reason
      ? {
          operationTypeReason: {
            coding: [{ system: SYSTEM.adjustReason, code: event.reason }],
          },
        }
      : {}),
    reportedDateTime: stored.lastUpdated,
    reporter: personRef(event.actorId),
    inventoryListing: [
      {
        location: locationRef(event.locationId),
        countingDateTime: fhirInstant(event.occurredAt),
        item: [
          {
            item: event.lotCode
              ? { reference: lotRef(event.itemId, event.lotCode) }
              : { concept: itemConcept(event.itemId, item) },
            quantity: unitsOf(value, item),
          },
        ],
      },
    ],
  };
}
