import { randomBytes } from 'node:crypto';
import { createRxDatabase, type RxCollection, type RxDatabase, type RxJsonSchema } from 'rxdb';
import type { RxReplicationPullStreamItem } from 'rxdb';
import { replicateRxCollection, type RxReplicationState } from 'rxdb/plugins/replication';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { Subject } from 'rxjs';
import { COLLECTIONS, toRxJsonSchema, type CollectionName } from '../../../shared/model';
import { openEventStream } from '../../integration/sync-helpers/sse';

type Checkpoint = { seq: number };

/**
 * A stockroom PC for the sync figures: a real RxDB database replicating through the endpoint's
 * pull, push and live stream with RxDB's own replication and the app's batch sizes (pull 200,
 * push 100). Memory storage in Node: the figure measures the protocol and the endpoint, not
 * IndexedDB, which figure 2 measures.
 */
export interface PcReplica {
  db: RxDatabase;
  collection(name: CollectionName): RxCollection;
  replication(name: CollectionName): RxReplicationState<unknown, Checkpoint>;
  /** Resolves when every collection has pushed and pulled all it knows of. */
  inSync(): Promise<void>;
  close(): Promise<void>;
}

export const APP_PULL_BATCH = 200;
export const APP_PUSH_BATCH = 100;

export async function openPcDatabase(names: readonly CollectionName[]): Promise<RxDatabase> {
  const db = await createRxDatabase({
    name: `benchpc${randomBytes(6).toString('hex')}`,
    storage: getRxStorageMemory(),
    multiInstance: false,
  });
  await db.addCollections(
    Object.fromEntries(
      names.map((name) => [
        name,
        { schema: toRxJsonSchema(COLLECTIONS[name]) as unknown as RxJsonSchema<unknown> },
      ]),
    ),
  );
  return db;
}

/** Starts replication of every collection of `db` (already holding whatever the PC wrote offline). */
export function replicate(
  db: RxDatabase,
  url: string,
  token: string,
  names: readonly CollectionName[],
): PcReplica {
  const streams: (() => void)[] = [];
  const replications = new Map<CollectionName, RxReplicationState<unknown, Checkpoint>>();
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  for (const name of names) {
    const stream$ = new Subject<RxReplicationPullStreamItem<unknown, Checkpoint>>();
    const live = openEventStream(`${url}/v1/replication/${name}/stream`, token);
    live.events.subscribe(() => stream$.next('RESYNC'));
    streams.push(() => live.close());
    const push = COLLECTIONS[name].owner !== 'centre';
    const replication = replicateRxCollection<unknown, Checkpoint>({
      collection: db.collections[name]!,
      replicationIdentifier: `bench-${name}-${url}`,
      live: true,
      retryTime: 500,
      waitForLeadership: false,
      toggleOnDocumentVisible: false,
      pull: {
        batchSize: APP_PULL_BATCH,
        stream$: stream$.asObservable(),
        async handler(checkpoint, batchSize) {
          const query = `checkpoint=${checkpoint?.seq ?? 0}&limit=${batchSize}`;
          const response = await fetch(`${url}/v1/replication/${name}/pull?${query}`, { headers });
          if (!response.ok) throw new Error(`pull answered ${response.status}`);
          return (await response.json()) as { documents: never[]; checkpoint: Checkpoint };
        },
      },
      ...(push
        ? {
            push: {
              batchSize: APP_PUSH_BATCH,
              async handler(rows: unknown[]) {
                const response = await fetch(`${url}/v1/replication/${name}/push`, {
                  method: 'POST',
                  headers,
                  body: JSON.stringify(rows),
                });
                if (!response.ok) throw new Error(`push answered ${response.status}`);
                return (await response.json()) as never[];
              },
            },
          }
        : {}),
    });
    replications.set(name, replication);
  }
  return {
    db,
    collection: (name) => db.collections[name]!,
    replication: (name) => replications.get(name)!,
    async inSync() {
      for (const replication of replications.values()) await replication.awaitInSync();
    },
    async close() {
      for (const close of streams) close();
      for (const replication of replications.values()) await replication.cancel();
      await db.remove();
    },
  };
}
