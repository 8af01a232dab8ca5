import type { Item, StockEvent } from '../../shared/model';
import type { FhirResource, StoredMeta } from './fhir-resource';
import { fhirInstant, itemConcept, unitsOf } from './item-concept';
import {
  byIdentifier,
  EXTENSION,
  identifier,
  locationRef,
  lotRef,
  metaOf,
  personRef,
  resourceId,
  SYSTEM,
} from './fhir-naming';

/** The stock events that are deliveries: into the stockroom, out to a department, between places. */
export const DELIVERY_EVENT_TYPES = ['receive', 'issue', 'transfer'] as const;

/** Where the stock went: the receiving location, or the department / destination of the move. */
function destinationOf(event: StockEvent): string {
  return event.type === 'receive' ? event.locationId : (event.toLocationId ?? event.locationId);
}

/**
 * A receipt, issue or transfer as a completed SupplyDelivery (entered-in-error once reversed).
 * The item is the lot's InventoryItem when the label had a lot, the item concept otherwise.
 */
export function supplyDeliveryOf(
  event: StockEvent,
  stored: StoredMeta,
  items: ReadonlyMap<string, Item>,
  reversed: boolean,
): FhirResource {
  const item = items.get(event.itemId);
  const ids = [identifier(SYSTEM.stockEvent, event.id)];
  if (event.deliveryId) ids.push(identifier(SYSTEM.delivery, event.deliveryId));
  return {
    resourceType: 'SupplyDelivery',
    id: resourceId('stock-event', event.id),
    meta: metaOf(stored),
    extension: [
      { url: EXTENSION.movement, valueCode: event.type },
      ...(event.type === 'receive'
        ? []
        : [
            {
              url: EXTENSION.sourceLocation,
              valueIdentifier: identifier(SYSTEM.location, event.locationId),
            },
          ]),
    ],
    identifier: ids,
    ...(event.requestId
      ? { basedOn: [byIdentifier('SupplyRequest', SYSTEM.request, event.requestId)] }
      : {}),
    status: reversed ? 'entered-in-error' : 'completed',
    suppliedItem: [
      {
        quantity: unitsOf(event.quantity, item),
        ...(event.lotCode
          ? { itemReference: lotRef(event.itemId, event.lotCode) }
          : { itemCodeableConcept: itemConcept(event.itemId, item) }),
      },
    ],
    occurrenceDateTime: fhirInstant(event.occurredAt),
    destination: locationRef(destinationOf(event)),
    ...(event.type === 'receive' ? { receiver: [personRef(event.actorId)] } : {}),
  };
}
