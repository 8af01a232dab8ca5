import type { Item } from '../../shared/model';
import type { CodeableConcept, Coding } from './fhir-resource';
import { SYSTEM } from './fhir-naming';

/**
 * An item as a concept: its ERP number, then every GTIN, HIBCC and ISBT 128 product code the item
 * master holds, and its name. An item the centre does not know (yet) is named by its id alone.
 */
export function itemConcept(itemId: string, item: Item | undefined): CodeableConcept {
  const coding: Coding[] = [{ system: SYSTEM.item, code: itemId }];
  if (!item) return { coding };
  coding.push(...item.gtins.map((code) => ({ system: SYSTEM.gtin, code })));
  coding.push(...item.hibccCodes.map((code) => ({ system: SYSTEM.hibcc, code })));
  coding.push(...(item.isbt128Codes ?? []).map((code) => ({ system: SYSTEM.isbt128, code })));
  return { coding, text: item.name };
}

/** A quantity counted in the item's unit (as the item master names it). */
export function unitsOf(value: number, item: Item | undefined) {
  return item ? { value, unit: item.unit } : { value };
}

/**
 * An ISO instant as FHIR writes one: UTC, `T` and `Z` upper case. A stored value JavaScript cannot
 * read (a leap second accepted before the date-time rule refused them) is passed on as stored,
 * rather than failing every page that holds it.
 */
export function fhirInstant(iso: string): string {
  const at = new Date(iso);
  return Number.isNaN(at.getTime()) ? iso : at.toISOString();
}
