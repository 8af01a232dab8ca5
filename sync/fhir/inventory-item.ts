import type { Item } from '../../shared/model';
import type { FhirResource } from './fhir-resource';
import { itemConcept } from './item-concept';
import { facilityTag, identifier, lotResourceId, SYSTEM } from './fhir-naming';

/** One lot of one item as the centre knows it from the stock events of every facility. */
export interface LotRecord {
  itemId: string;
  lotCode: string;
  /** The expiry the labels gave, when any did. */
  expiry: string | undefined;
  /** Facilities whose events name this lot. */
  facilityIds: readonly string[];
  lastUpdated: string;
}

/** A lot as an InventoryItem: the item's codes, and the instance's lot number and expiry. */
export function inventoryItemOf(lot: LotRecord, item: Item | undefined): FhirResource {
  return {
    resourceType: 'InventoryItem',
    id: lotResourceId(lot.itemId, lot.lotCode),
    meta: { lastUpdated: lot.lastUpdated, tag: lot.facilityIds.map(facilityTag) },
    identifier: [identifier(SYSTEM.lot, `${lot.itemId}/${lot.lotCode}`)],
    status: item?.status === 'inactive' ? 'inactive' : 'active',
    code: [itemConcept(lot.itemId, item)],
    ...(item
      ? {
          name: [
            {
              nameType: { system: 'http://hl7.org/fhir/inventoryitem-nametype', code: 'preferred' },
              language: 'en',
              name: item.name,
            },
          ],
        }
      : {}),
    instance: {
      lotNumber: lot.lotCode,
      ...(lot.expiry ? { expiry: lot.expiry } : {}),
    },
  };
}
