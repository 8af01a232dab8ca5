import type { CollectionName, StockEvent } from '../../../shared/model';

/** Messages between a figure and the endpoint it runs as a child process (to read its RSS). */

export interface EndpointOptions {
  backend: 'pglite' | 'postgres';
  /** PGlite: a migrated data directory the child may own. */
  dataDir?: string;
  /** PostgreSQL: server URL and the schema to work in. */
  databaseUrl?: string;
  schema?: string;
  facilityId: string;
  enrollmentCodes: number;
  /** A second endpoint on a database another has set up: enrols only, for the same facility. */
  joins?: boolean;
}

export type ToEndpoint =
  | { type: 'bare-insert'; batches: StockEvent[][]; clients: number }
  /** Documents changed at the centre, written straight into the store (see bare-insert.ts). */
  | { type: 'seed'; collection: CollectionName; batches: Record<string, unknown>[][] }
  | { type: 'enroll-codes'; facilityId: string; count: number }
  | { type: 'stop' };

export type FromEndpoint =
  | { type: 'ready'; url: string; codes: string[] }
  | { type: 'bare-inserted'; rows: number; ms: number }
  | { type: 'seeded'; rows: number }
  | { type: 'codes'; codes: string[] }
  | { type: 'failed'; message: string };

export const OPTIONS_ENV = 'STOCKROOM_BENCH_ENDPOINT';
