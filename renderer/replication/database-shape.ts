import type { RxCollection } from 'rxdb';

/**
 * What replication needs of a database: its collections by name (and, when the plugin is there,
 * local documents). Structural, so the app's typed store and the chaos harness's bare databases
 * both fit without casts at the call site.
 */
export interface ReplicatedDatabase {
  readonly collections: object;
}

export function collectionsOf(db: ReplicatedDatabase): Record<string, RxCollection | undefined> {
  return db.collections as Record<string, RxCollection | undefined>;
}
