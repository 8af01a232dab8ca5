import { randomBytes } from 'node:crypto';
import {
  addRxPlugin,
  createRxDatabase,
  type RxCollection,
  type RxDatabase,
  type RxJsonSchema,
} from 'rxdb';
import { RxDBMigrationSchemaPlugin } from 'rxdb/plugins/migration-schema';
import { replicateRxCollection, type RxReplicationState } from 'rxdb/plugins/replication';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import type { RxReplicationPullStreamItem } from 'rxdb';
import { Subject } from 'rxjs';
import { COLLECTIONS, toRxJsonSchema, type CollectionName } from '../../../shared/model';
import { MIGRATION_STRATEGIES } from '../../../renderer/store/migrations';
import type { StoreCollectionName } from '../../../renderer/store/collections';
import { openEventStream } from './sse';

// Collections past schema version 0 need their strategies, and RxDB the plugin that runs them.
addRxPlugin(RxDBMigrationSchemaPlugin);

type Checkpoint = { seq: number };

export interface RxClient {
  db: RxDatabase;
  collection(name: CollectionName): RxCollection;
  replication(name: CollectionName): RxReplicationState<unknown, Checkpoint>;
  /** Waits until every replication is idle and in sync with the server. */
  settle(): Promise<void>;
  close(): Promise<void>;
}

/** A real RxDB database (memory storage) replicating the named collections against the server. */
export async function createRxClient(
  url: string,
  token: string,
  names: CollectionName[],
): Promise<RxClient> {
  const db = await createRxDatabase({
    name: `client${randomBytes(6).toString('hex')}`,
    storage: getRxStorageMemory(),
    multiInstance: false,
  });
  await db.addCollections(
    Object.fromEntries(
      names.map((name) => [
        name,
        {
          schema: toRxJsonSchema(COLLECTIONS[name]) as unknown as RxJsonSchema<unknown>,
          migrationStrategies: MIGRATION_STRATEGIES[name as StoreCollectionName] ?? {},
        },
      ]),
    ),
  );
  const streams: (() => void)[] = [];
  const replications = new Map<CollectionName, RxReplicationState<unknown, Checkpoint>>();
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  for (const name of names) {
    const stream$ = new Subject<RxReplicationPullStreamItem<unknown, Checkpoint>>();
    const live = openEventStream(`${url}/v1/replication/${name}/stream`, token);
    live.events.subscribe((event) =>
      stream$.next(event as RxReplicationPullStreamItem<unknown, Checkpoint>),
    );
    streams.push(() => live.close());
    const replication = replicateRxCollection<unknown, Checkpoint>({
      collection: db.collections[name]!,
      replicationIdentifier: `sync-${name}-${url}`,
      live: true,
      retryTime: 200,
      waitForLeadership: false,
      pull: {
        batchSize: 50,
        stream$: stream$.asObservable(),
        async handler(checkpoint, batchSize) {
          const query = `checkpoint=${checkpoint?.seq ?? 0}&limit=${batchSize}`;
          const response = await fetch(`${url}/v1/replication/${name}/pull?${query}`, { headers });
          if (!response.ok) throw new Error(`pull answered ${response.status}`);
          return (await response.json()) as { documents: never[]; checkpoint: Checkpoint };
        },
      },
      push: {
        batchSize: 20,
        async handler(rows) {
          const response = await fetch(`${url}/v1/replication/${name}/push`, {
            method: 'POST',
            headers,
            body: JSON.stringify(rows),
          });
          if (!response.ok) throw new Error(`push answered ${response.status}`);
          return (await response.json()) as never[];
        },
      },
    });
    replications.set(name, replication);
  }
  return {
    db,
    collection: (name) => db.collections[name]!,
    replication: (name) => replications.get(name)!,
    async settle() {
      for (const replication of replications.values()) await replication.awaitInSync();
    },
    async close() {
      for (const close of streams) close();
      for (const replication of replications.values()) await replication.cancel();
      await db.remove();
    },
  };
}
