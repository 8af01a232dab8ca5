import { createHash } from 'node:crypto';
import type { Coding, Identifier, Meta, Reference, StoredMeta } from './fhir-resource';

/**
 * Code systems and identifier systems of this endpoint. Our ids may hold `_` and `:`, which a FHIR
 * id may not, so every record keeps its own id as an identifier under one of these systems.
 */
export const SYSTEM = {
  item: 'urn:stockroom-edge:item',
  gtin: 'https://www.gs1.org/gtin',
  hibcc: 'urn:stockroom-edge:hibcc-product',
  isbt128: 'urn:stockroom-edge:isbt128-product',
  location: 'urn:stockroom-edge:location',
  facility: 'urn:stockroom-edge:facility',
  user: 'urn:stockroom-edge:user',
  request: 'urn:stockroom-edge:supply-request',
  requestLine: 'urn:stockroom-edge:supply-request-line',
  requestKind: 'urn:stockroom-edge:supply-request-kind',
  stockEvent: 'urn:stockroom-edge:stock-event',
  delivery: 'urn:stockroom-edge:delivery',
  lot: 'urn:stockroom-edge:lot',
  adjustReason: 'urn:stockroom-edge:adjust-reason',
} as const;

/** Extensions carrying what the R5 resources have no element for. */
export const EXTENSION = {
  requestStatus: 'urn:stockroom-edge:fhir:supply-request-status',
  movement: 'urn:stockroom-edge:fhir:stock-movement',
  sourceLocation: 'urn:stockroom-edge:fhir:source-location',
} as const;

/**
 * A stable FHIR id for a record: the SHA-256 of its kind and key, written as a UUID. The same
 * record always gets the same id; the readable ids travel in `identifier`.
 */
export function resourceId(kind: string, ...key: string[]): string {
  const hex = createHash('sha256')
    .update([kind, ...key].join('\u0000'))
    .digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

export function identifier(system: string, value: string): Identifier {
  return { system, value };
}

export function byIdentifier(type: string, system: string, value: string): Reference {
  return { type, identifier: identifier(system, value) };
}

export const locationRef = (locationId: string) =>
  byIdentifier('Location', SYSTEM.location, locationId);
export const personRef = (userId: string) => byIdentifier('Practitioner', SYSTEM.user, userId);

export function facilityTag(facilityId: string): Coding {
  return { system: SYSTEM.facility, code: facilityId };
}

/** meta of every resource: when the centre last wrote the record, and its facility as a tag. */
export function metaOf(stored: StoredMeta): Meta {
  return { lastUpdated: stored.lastUpdated, tag: [facilityTag(stored.facilityId)] };
}

/** The id of the InventoryItem that stands for one lot of one item. */
export function lotResourceId(itemId: string, lotCode: string): string {
  return resourceId('lot', itemId, lotCode);
}

export function lotRef(itemId: string, lotCode: string): Reference {
  return { reference: `InventoryItem/${lotResourceId(itemId, lotCode)}` };
}
