import { randomBytes } from 'node:crypto';
import {
  addRxPlugin,
  createRxDatabase,
  type RxCollection,
  type RxDatabase,
  type RxJsonSchema,
} from 'rxdb';
import type { RxReplicationState } from 'rxdb/plugins/replication';
import { RxDBLocalDocumentsPlugin } from 'rxdb/plugins/local-documents';
import { RxDBMigrationSchemaPlugin } from 'rxdb/plugins/migration-schema';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { COLLECTIONS, toRxJsonSchema, type CollectionName } from '../../../shared/model';
import { conflictHandlerFor } from '../../../renderer/replication/conflict-handlers';
import type { StoreCollectionName } from '../../../renderer/store/collections';
import { MIGRATION_STRATEGIES } from '../../../renderer/store/migrations';
import type { Checkpoint } from '../../../renderer/replication/endpoint-client';
import { startReplication } from '../../../renderer/replication/start-replication';

addRxPlugin(RxDBLocalDocumentsPlugin);
addRxPlugin(RxDBMigrationSchemaPlugin);

/**
 * A stockroom PC for the sync figures: RxDB with the app's conflict handlers, replicated by the
 * app's own renderer/replication (pull and push batch sizes, live streams, backoff) against the
 * endpoint. Memory storage in Node, without the development validator, as the chaos harness runs
 * it: the figures measure the protocol and the endpoint; IndexedDB is figure 2's subject.
 */
export interface PcReplica {
  collection(name: CollectionName): RxCollection;
  replication(name: CollectionName): RxReplicationState<unknown, Checkpoint>;
  /** Resolves when every collection has pushed and pulled all it knows of. */
  inSync(): Promise<void>;
  close(): Promise<void>;
}

/** The app's defaults (start-replication.ts): the bare pull of figure 6 pages the same way. */
export const APP_PULL_BATCH = 200;

export async function openPcDatabase(names: readonly CollectionName[]): Promise<RxDatabase> {
  const db = await createRxDatabase({
    name: `benchpc${randomBytes(6).toString('hex')}`,
    storage: getRxStorageMemory(),
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
  return db;
}

/** Starts the app's replication of `db` (already holding whatever the PC wrote offline). */
export function replicate(
  db: RxDatabase,
  url: string,
  device: { token: string; deviceId: string },
  names: readonly CollectionName[],
): PcReplica {
  const sync = startReplication(db, {
    url,
    token: async () => device.token,
    deviceId: device.deviceId,
    collections: names,
  });
  return {
    collection: (name) => db.collections[name]!,
    replication: (name) => {
      const state = sync.replication(name);
      if (!state) throw new Error(`${name} is not replicated`);
      return state;
    },
    inSync: () => sync.inSync(),
    async close() {
      await sync.stop();
      await db.remove();
    },
  };
}
