import type { RxReplicationState } from 'rxdb/plugins/replication';
import { filter, type Observable, type Subscription } from 'rxjs';
import { pcReportHeaders } from '../../shared/console/pc-report';
import { COLLECTION_NAMES, type CollectionName } from '../../shared/model';
import { SyncStateKeeper } from './acknowledgements';
import { DEFAULT_BACKOFF, Sleeper, cryptoRandom, type BackoffPolicy, type Random } from './backoff';
import { directionsOf, LIVE_COLLECTIONS } from './directions';
import { endpointClient, trimUrl, type Checkpoint, type FetchLike } from './endpoint-client';
import { followStream } from './event-stream';
import { collectionsOf, type ReplicatedDatabase } from './database-shape';
import { SyncInbox } from './inbox';
import { replicateCollection, type CollectionReplication } from './replicate-collection';
import { SyncStatusStore, type SyncStatus } from './sync-status';

export interface ReplicationOptions {
  /** The central endpoint's address. */
  url: string;
  /** The device token held by the platform layer. */
  token: () => Promise<string | null>;
  /** Keeps a token the centre renewed (endpoint-client.ts). */
  renewToken?: (token: string) => Promise<void>;
  /** The deviceId this PC writes into its stock events (for "events waiting"). */
  deviceId: string;
  /** Default: every replicated collection this database holds. */
  collections?: readonly CollectionName[];
  /** Collections with a live stream; the others are pulled when a stream connects and on a timer. */
  live?: readonly CollectionName[];
  fetch?: FetchLike;
  backoff?: BackoffPolicy;
  random?: Random;
  now?: () => Date;
  pullBatchSize?: number;
  pushBatchSize?: number;
  /** Reported to the centre on every call, with the documents waiting (the console shows both). */
  appVersion?: string;
  /** How often collections without a stream are pulled. */
  pollMs?: number;
  timeoutMs?: number;
}

export interface ReplicationHandle {
  readonly status$: Observable<SyncStatus>;
  readonly status: SyncStatus;
  replication(name: CollectionName): RxReplicationState<unknown, Checkpoint> | undefined;
  /** The network is back (or a person pressed "sync now"): stop waiting out backoffs and pull. */
  reconnect(): void;
  /** Resolves when every collection is idle and in step with the centre. Never blocks start-up on it. */
  inSync(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Replicates the stockroom's collections with the central endpoint using RxDB's own replication:
 * pull and push over fetch, a live stream over fetch-read server-sent events, the directions from
 * the collection registry, each collection's conflict handler from its schema options. Nothing in
 * here touches the DOM, so the chaos harness runs this very code in Node on memory storage.
 */
export function startReplication(
  db: ReplicatedDatabase,
  options: ReplicationOptions,
): ReplicationHandle {
  const now = options.now ?? (() => new Date());
  const backoff = options.backoff ?? DEFAULT_BACKOFF;
  const random = options.random ?? cryptoRandom;
  const stopper = new AbortController();
  const stop = stopper.signal;
  const sleeper = new Sleeper();
  const status = new SyncStatusStore(now);
  const inbox = new SyncInbox(db, now);
  const keeper = new SyncStateKeeper(db, options.deviceId);
  const client = endpointClient({
    url: options.url,
    token: options.token,
    ...(options.renewToken ? { renewToken: options.renewToken } : {}),
    ...(options.fetch ? { fetch: options.fetch } : {}),
    ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
    report: () =>
      pcReportHeaders({ appVersion: options.appVersion ?? null, waiting: status.current.waiting }),
  });
  const collections = collectionsOf(db);
  const present = (options.collections ?? COLLECTION_NAMES).flatMap((name) => {
    const collection = collections[name];
    return collection ? [{ name, collection }] : [];
  });
  const names = present.map((p) => p.name);
  const live = new Set(options.live ?? LIVE_COLLECTIONS);
  const inFlight = new Map<CollectionName, Set<string>>();
  const subscriptions: Subscription[] = [];
  const replications = new Map<CollectionName, CollectionReplication>();

  status.begin(Object.fromEntries(names.map((n) => [n, directionsOf(n)])));

  let recount: ReturnType<typeof setTimeout> | undefined;
  const countWaiting = () => {
    recount ??= setTimeout(() => {
      recount = undefined;
      const events = collections['stock_events'];
      if (!events || stop.aborted) return;
      void keeper.eventsWaiting(events).then(
        (n) => {
          const before = status.current.collections['stock_events']?.waiting ?? 0;
          status.setWaiting('stock_events', n);
          // The count rides on this PC's calls, and the push that shrank it went before this
          // recount: one more (empty) pull tells the console now rather than at the next poll.
          if (n < before) replications.get('stock_events')?.resync();
        },
        () => undefined,
      );
    }, 100);
  };

  // Pulled documents arrive one by one; the status is updated once per burst.
  const received = new Map<CollectionName, number>();
  let flushReceived: ReturnType<typeof setTimeout> | undefined;
  const countReceived = (name: CollectionName) => {
    received.set(name, (received.get(name) ?? 0) + 1);
    flushReceived ??= setTimeout(() => {
      flushReceived = undefined;
      for (const [n, count] of received) status.succeeded(n, { received: count });
      received.clear();
    }, 50);
  };

  void keeper.load().then(countWaiting);

  for (const { name, collection } of present) {
    const replication = replicateCollection(collection, name, {
      client,
      endpointUrl: trimUrl(options.url),
      stop,
      sleeper,
      backoff,
      random,
      pullBatchSize: options.pullBatchSize ?? 200,
      pushBatchSize: options.pushBatchSize ?? 100,
      failed(problem) {
        status.failed(problem);
        inbox.problem(problem);
      },
      pulled(n) {
        status.succeeded(n);
        inbox.cleared(n);
        void keeper.save({ lastSuccessAt: now().toISOString() });
      },
      pushed(n, accepted) {
        status.succeeded(n, { sent: accepted.length });
        inbox.cleared(n);
        if (n === 'stock_events') {
          const own = accepted.filter((d) => d['deviceId'] === options.deviceId);
          void keeper.acknowledge(own.map((d) => Number(d['deviceSeq']))).then(countWaiting);
        }
        void keeper.save({ lastSuccessAt: now().toISOString() });
      },
      refused(refusal) {
        inbox.post({
          // Fits the inbox's 64-character ids; a document id is at most 64 characters itself.
          id: `refused:${refusal.documentId}`.slice(0, 64),
          kind: 'rejected',
          collectionName: refusal.collection,
          documentId: refusal.documentId.slice(0, 64),
          message: refusal.advice.slice(0, 1000),
        });
      },
      pushing(n, ids, sending) {
        const set = inFlight.get(n) ?? new Set<string>();
        inFlight.set(n, set);
        for (const id of ids) {
          if (sending) set.add(id);
          else set.delete(id);
        }
        if (n !== 'stock_events') {
          status.setWaiting(n, set.size);
          void keeper.save({
            pendingDocuments: [...inFlight.entries()]
              .filter(([c]) => c !== 'stock_events')
              .flatMap(([c, s]) => [...s].map((id) => ({ collection: c, id }))),
          });
        }
      },
    });
    replications.set(name, replication);
    subscriptions.push(
      replication.state.received$.subscribe(() => countReceived(name)),
      replication.state.conflict$.subscribe((conflict) => {
        if (name !== 'stock_events') return;
        const id = String((conflict.output as Record<string, unknown>)['id']);
        inbox.post({
          id: `integrity-${id}`,
          kind: 'integrity',
          collectionName: name,
          documentId: id,
          message: `Stock event ${id} is recorded differently at the centre than on this PC. The centre's record is kept and the centre has raised an integrity alarm; call support before correcting stock.`,
        });
      }),
    );
  }

  const events = collections['stock_events'];
  if (events) {
    // Local writes change what waits; replication's own writes do not.
    subscriptions.push(
      events.eventBulks$
        .pipe(filter((bulk) => !bulk.context.startsWith('replication-')))
        .subscribe(countWaiting),
    );
  }

  const resyncPolled = () => {
    for (const [name, r] of replications) if (!live.has(name)) r.resync();
  };
  const streams = [...replications.values()]
    .filter((r) => live.has(r.name))
    .map((r) =>
      followStream(
        client,
        r.name,
        {
          resync: () => r.resync(),
          connected: () => {
            // Back on line: nothing should sit out a backoff any more.
            sleeper.wake();
            status.reachable(r.name);
            inbox.reachable();
            resyncPolled();
          },
          // When nothing waits to go up or come down, the stream is what notices the network is gone.
          failed: (problem) => {
            status.failed(problem);
            inbox.problem(problem);
          },
        },
        { stop, sleeper, backoff, random },
      ),
    );
  const poll = setInterval(resyncPolled, options.pollMs ?? 60_000);

  return {
    status$: status.status$,
    get status() {
      return status.current;
    },
    replication: (name) => replications.get(name)?.state,
    reconnect() {
      sleeper.wake();
      for (const r of replications.values()) r.resync();
    },
    async inSync() {
      await Promise.all([...replications.values()].map((r) => r.state.awaitInSync()));
      await keeper.flushed();
    },
    async stop() {
      stopper.abort();
      clearInterval(poll);
      if (recount) clearTimeout(recount);
      if (flushReceived) clearTimeout(flushReceived);
      for (const s of subscriptions) s.unsubscribe();
      await Promise.all([...replications.values()].map((r) => r.state.cancel()));
      await Promise.all(streams);
      await Promise.all([keeper.flushed(), inbox.settled()]);
      status.setPhase('stopped');
    },
  };
}
