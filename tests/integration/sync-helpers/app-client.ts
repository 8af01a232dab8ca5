import { randomBytes } from 'node:crypto';
import {
  addRxPlugin,
  createRxDatabase,
  type RxCollection,
  type RxDatabase,
  type RxJsonSchema,
} from 'rxdb';
import { RxDBLocalDocumentsPlugin } from 'rxdb/plugins/local-documents';
import { RxDBMigrationSchemaPlugin } from 'rxdb/plugins/migration-schema';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { wrappedValidateZSchemaStorage } from 'rxdb/plugins/validate-z-schema';
import { COLLECTIONS, toRxJsonSchema, type CollectionName } from '../../../shared/model';
import { conflictHandlerFor } from '../../../renderer/replication/conflict-handlers';
import type { StoreCollectionName } from '../../../renderer/store/collections';
import { MIGRATION_STRATEGIES } from '../../../renderer/store/migrations';
import {
  startReplication,
  type ReplicationHandle,
  type ReplicationOptions,
} from '../../../renderer/replication/start-replication';

addRxPlugin(RxDBLocalDocumentsPlugin);
// Collections past schema version 0 need their strategies, and RxDB the plugin that runs them.
addRxPlugin(RxDBMigrationSchemaPlugin);

export interface AppClient {
  db: RxDatabase;
  sync: ReplicationHandle;
  collection(name: CollectionName): RxCollection;
  /** Stops syncing, keeps the data (offline). */
  goOffline(): Promise<void>;
  goOnline(): void;
  close(): Promise<void>;
}

export const FAST_BACKOFF = { baseMs: 50, maxMs: 400, personMs: 1_000 };

/**
 * A PC as the app runs it: RxDB on memory storage with the app's conflict handlers, replicated by
 * renderer/replication exactly as the app does.
 */
export async function createAppClient(
  url: string,
  device: { token: string; deviceId: string },
  names: CollectionName[],
  options: Partial<ReplicationOptions> = {},
): Promise<AppClient> {
  const db = await createRxDatabase({
    name: `pc${randomBytes(6).toString('hex')}`,
    // Validated, as the app's dev builds are (and as dev-mode demands when a test loads it).
    storage: wrappedValidateZSchemaStorage({ storage: getRxStorageMemory() }),
    multiInstance: false,
    localDocuments: true,
  });
  await db.addCollections(
    Object.fromEntries(
      names.map((name) => [
        name,
        {
          schema: toRxJsonSchema(COLLECTIONS[name]) as unknown as RxJsonSchema<unknown>,
          conflictHandler: conflictHandlerFor(name),
          migrationStrategies: MIGRATION_STRATEGIES[name as StoreCollectionName] ?? {},
        },
      ]),
    ),
  );
  const start = () =>
    startReplication(db, {
      url,
      token: async () => device.token,
      deviceId: device.deviceId,
      backoff: FAST_BACKOFF,
      ...options,
    });
  const client: AppClient = {
    db,
    sync: start(),
    collection: (name) => db.collections[name]!,
    async goOffline() {
      await client.sync.stop();
    },
    goOnline() {
      client.sync = start();
    },
    async close() {
      await client.sync.stop();
      await db.remove();
    },
  };
  return client;
}
