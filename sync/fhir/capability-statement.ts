import type { FhirResource } from './fhir-resource';

/** The resource types served, each searchable by the same parameters. */
export const FHIR_TYPES = [
  'SupplyRequest',
  'SupplyDelivery',
  'InventoryReport',
  'InventoryItem',
] as const;
export type FhirType = (typeof FHIR_TYPES)[number];

const SEARCH_PARAMS = [
  {
    name: '_lastUpdated',
    definition: 'http://hl7.org/fhir/SearchParameter/Resource-lastUpdated',
    type: 'date',
    documentation: 'When the centre last wrote the record; prefixes eq, ge, gt, le, lt.',
  },
  {
    name: 'facility',
    type: 'token',
    documentation:
      'A facility id: records of that facility (meta.tag with system urn:stockroom-edge:facility).',
  },
  {
    name: '_count',
    type: 'number',
    documentation: 'Stockroom records per page, 1 to 1000 (default 100).',
  },
];

/** What this server does: read-only searches, JSON only, an API key with scope fhir:read. */
export function capabilityStatement(date: string, softwareVersion: string): FhirResource {
  return {
    resourceType: 'CapabilityStatement',
    status: 'active',
    date,
    publisher: 'Stockroom Edge',
    kind: 'instance',
    software: { name: 'Stockroom Edge sync endpoint', version: softwareVersion },
    implementation: { description: 'Read-only FHIR R5 view of the centre’s stockroom records' },
    fhirVersion: '5.0.0',
    format: ['json'],
    rest: [
      {
        mode: 'server',
        documentation:
          'Search only. Pages are searchset Bundles in the order the centre recorded the records, continued by the next link.',
        security: {
          description:
            'Authorization: Bearer <API key> with the scope fhir:read (the capability statement needs none).',
        },
        resource: FHIR_TYPES.map((type) => ({
          type,
          interaction: [{ code: 'search-type' }],
          searchParam: SEARCH_PARAMS,
        })),
      },
    ],
  };
}
