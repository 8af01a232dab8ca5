/**
 * The parts of FHIR R5 data types this endpoint writes. Only what the mappings use is declared;
 * tests check every answer against the official R5 JSON schema.
 */
export interface Coding {
  system: string;
  code: string;
  display?: string;
}
export interface CodeableConcept {
  coding?: Coding[];
  text?: string;
}
export interface Identifier {
  system: string;
  value: string;
}
/** A logical reference: these resources point at people, places and requests by identifier. */
export interface Reference {
  reference?: string;
  type?: string;
  identifier?: Identifier;
  display?: string;
}
export interface CodeableReference {
  concept?: CodeableConcept;
  reference?: Reference;
}
export interface Quantity {
  value: number;
  unit?: string;
}
export interface Extension {
  url: string;
  valueCode?: string;
  valueIdentifier?: Identifier;
}
export interface Meta {
  lastUpdated: string;
  tag?: Coding[];
}

export interface FhirResource {
  resourceType: string;
  id?: string;
  meta?: Meta;
  [field: string]: unknown;
}

/** What the mappings need to know about a stored record beside its document. */
export interface StoredMeta {
  /** Server time of the last write (documents.updated_at), an ISO instant. */
  lastUpdated: string;
  facilityId: string;
}
