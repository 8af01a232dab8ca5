import type { RxCollection } from 'rxdb';
import { MIGRATION_BATCH_SIZE } from './migrations';

export interface MigrationProgress {
  collection: string;
  handled: number;
  total: number;
  percent: number;
}

export type MigrationOutcome =
  | { ok: true; migrated: string[] }
  | { ok: false; error: { code: 'migration-failed'; message: string } };

/**
 * Brings every collection whose stored schema is older up to date, one collection at a time, in
 * batches of MIGRATION_BATCH_SIZE, reporting progress for the start-up screen.
 */
export async function runMigrations(
  db: { collections: Record<string, RxCollection> },
  onProgress: (progress: MigrationProgress) => void,
  batchSize = MIGRATION_BATCH_SIZE,
): Promise<MigrationOutcome> {
  const migrated: string[] = [];
  const collections = Object.values(db.collections);
  for (const collection of collections) {
    if (!(await collection.migrationNeeded())) continue;
    const state = collection.getMigrationState();
    const subscription = state.$.subscribe((status) =>
      onProgress({ collection: collection.name, ...status.count }),
    );
    try {
      await state.migratePromise(batchSize);
      migrated.push(collection.name);
    } catch (error) {
      return {
        ok: false,
        error: {
          code: 'migration-failed',
          message: `Updating the stored ${collection.name} failed (${String(error)}). Restart the app; if this repeats, call support before entering stock.`,
        },
      };
    } finally {
      subscription.unsubscribe();
    }
  }
  return { ok: true, migrated };
}
