/**
 * The scopes an ERP API key may hold, named once: the endpoint checks them and the console offers
 * them.
 */
export const API_SCOPES = [
  'events:read',
  'recalls:write',
  'items:write',
  'locations:write',
  'par-levels:write',
  'deliveries:write',
  'users:write',
  'requests:write',
  'webhooks:manage',
  'audit:read',
  'sync-health:read',
  // Read scopes for what only webhooks deliver (issue 12: a subscription covers what its key may read).
  'inventory:read',
  'requests:read',
  'recalls:read',
  'users:read',
  // The network's indicators (issue 16), per facility, for the ERP's own reporting.
  'indicators:read',
  // The read-only FHIR R5 view (/fhir/R5): requests, deliveries, inventory reports and lots.
  'fhir:read',
] as const;
export type ApiScope = (typeof API_SCOPES)[number];
