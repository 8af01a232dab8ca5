import type { RxCollection, RxReplicationWriteToMasterRow, WithDeleted } from 'rxdb';
import { replicateRxCollection, type RxReplicationState } from 'rxdb/plugins/replication';
import { Subject } from 'rxjs';
import type { CollectionName } from '../../shared/model';
import { backoffDelay, type BackoffPolicy, type Random, type Sleeper } from './backoff';
import { directionsOf } from './directions';
import type { Checkpoint, EndpointClient, PullPage } from './endpoint-client';
import { DocumentRefused, SyncFailure, SyncStopped, type SyncProblem } from './sync-problem';

type Doc = Record<string, unknown>;

export interface CollectionContext {
  client: EndpointClient;
  /** Keeps the identifier stable per endpoint, so a restart resumes from its checkpoints. */
  endpointUrl: string;
  stop: AbortSignal;
  sleeper: Sleeper;
  backoff: BackoffPolicy;
  random: Random;
  pullBatchSize: number;
  pushBatchSize: number;
  failed(problem: SyncProblem): void;
  pulled(name: CollectionName): void;
  /** Rows the centre accepted (or already had); conflicts are resolved by the collection's handler. */
  pushed(name: CollectionName, accepted: readonly Doc[]): void;
  pushing(name: CollectionName, ids: readonly string[], inFlight: boolean): void;
  /** The centre refused one document for good: it is set aside, the rest is sent. */
  refused(refusal: DocumentRefused): void;
}

export interface CollectionReplication {
  name: CollectionName;
  state: RxReplicationState<unknown, Checkpoint>;
  /** Ask for a pull from the checkpoint (the live stream said something changed). */
  resync(): void;
}

/**
 * Runs `work` until it succeeds or replication stops. RxDB's own retry waits a fixed time; this
 * backs off, honours Retry-After, waits long for what a person must fix, and wakes early when the
 * network returns. Each failure is reported once per try, as a value.
 */
async function untilDone<T>(context: CollectionContext, work: () => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt += 1) {
    if (context.stop.aborted) throw new SyncStopped();
    try {
      return await work();
    } catch (error) {
      if (error instanceof SyncStopped || context.stop.aborted) throw new SyncStopped();
      if (!(error instanceof SyncFailure)) throw error;
      const { problem } = error;
      context.failed(problem);
      const wait =
        problem.retryAfterMs ??
        (problem.retry === 'person'
          ? context.backoff.personMs
          : backoffDelay(context.backoff, attempt, context.random));
      await context.sleeper.sleep(wait, context.stop);
    }
  }
}

export function replicateCollection(
  collection: RxCollection,
  name: CollectionName,
  context: CollectionContext,
): CollectionReplication {
  const directions = directionsOf(name);
  const stream$ = new Subject<'RESYNC'>();
  const { client, stop } = context;

  const state = replicateRxCollection<unknown, Checkpoint>({
    collection,
    replicationIdentifier: `stockroom-${name}-${context.endpointUrl}`,
    live: true,
    // Our handlers retry themselves; RxDB's wait only applies after a stop.
    retryTime: context.backoff.baseMs,
    // One window syncs (one-window.ts decides which); RxDB must not start others on focus.
    waitForLeadership: false,
    toggleOnDocumentVisible: false,
    pull: {
      batchSize: context.pullBatchSize,
      stream$: stream$.asObservable(),
      async handler(checkpoint, batchSize) {
        const page: PullPage = await untilDone(context, () =>
          client.pull(name, checkpoint, batchSize, stop),
        );
        context.pulled(name);
        return {
          documents: page.documents as WithDeleted<unknown>[],
          checkpoint: page.checkpoint,
        };
      },
    },
    ...(directions.push
      ? {
          push: {
            batchSize: context.pushBatchSize,
            async handler(rows: RxReplicationWriteToMasterRow<unknown>[]) {
              const ids = rows.map((r) => String((r.newDocumentState as Doc)['id']));
              context.pushing(name, ids, true);
              try {
                let sending = rows;
                for (;;) {
                  try {
                    const conflicts = await untilDone(context, () =>
                      client.push(name, sending as never, stop),
                    );
                    const refused = new Set(conflicts.map((c) => String(c['id'])));
                    context.pushed(
                      name,
                      sending
                        .map((r) => r.newDocumentState as Doc)
                        .filter((d) => !refused.has(String(d['id']))),
                    );
                    return conflicts as WithDeleted<unknown>[];
                  } catch (error) {
                    // The centre stored nothing of the batch and named the document it refuses:
                    // set that one aside and send the others at once. RxDB then counts the refused
                    // version as sent, so it is not pushed again until it changes here.
                    if (!(error instanceof DocumentRefused)) throw error;
                    const rest = sending.filter(
                      (r) => String((r.newDocumentState as Doc)['id']) !== error.documentId,
                    );
                    if (rest.length === sending.length) throw error;
                    context.refused(error);
                    sending = rest;
                    if (sending.length === 0) return [];
                  }
                }
              } finally {
                context.pushing(name, ids, false);
              }
            },
          },
        }
      : {}),
  });

  return {
    name,
    state,
    resync: () => stream$.next('RESYNC'),
  };
}
