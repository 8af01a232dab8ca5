import type { MigrationStrategies } from 'rxdb';
import type { StoreCollectionName } from './collections';

/**
 * Migration strategies per collection, keyed by the schema version they produce. When a model
 * bumps `version`, add its strategy here (a pure function of the old document) and the start-up
 * runner migrates in large batches with a progress view.
 */
export const MIGRATION_STRATEGIES: Partial<Record<StoreCollectionName, MigrationStrategies>> = {
  // Version 1 only added the optional isbt128Codes: every version-0 item is a valid version-1 item.
  items: { 1: (doc: unknown) => doc },
  // Version 1 only added the optional isbt128Code, likewise.
  pending_items: { 1: (doc: unknown) => doc },
  // Version 1 only added the optional closure, likewise.
  deliveries: { 1: (doc: unknown) => doc },
  // Version 1 encrypts the badge and PIN verifiers: the document is unchanged, and rewriting it
  // through the encrypted storage is what takes the verifiers out of plain IndexedDB.
  users: { 1: (doc: unknown) => doc },
  // Version 1 added the statuses acknowledged and picking and optional step details (quantities,
  // approval level, policy version). Every version-0 request is a valid version-1 request and means
  // the same: its shipped/received steps name no lines, which the machine reads as "everything"
  // (request-progress.ts), and an approval without an acknowledgement stays approved.
  // Version 2 only added the optional substitutions.
  supply_requests: { 1: (doc: unknown) => doc, 2: (doc: unknown) => doc },
  // Version 1 only added two outcomes: every version-0 attempt is a valid version-1 attempt.
  sign_in_events: { 1: (doc: unknown) => doc },
};

/**
 * Documents per migration batch. RxDB's default migrated 10,000 documents in 98 s in Chromium;
 * 1,000 per batch took 4.3 s (docs/PITFALLS.md).
 */
export const MIGRATION_BATCH_SIZE = 1000;
