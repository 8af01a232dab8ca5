import { parentPort } from 'node:worker_threads';
import { addRxPlugin, createRxDatabase, type RxDatabase, type RxJsonSchema } from 'rxdb';
import { RxDBLocalDocumentsPlugin } from 'rxdb/plugins/local-documents';
import { RxDBMigrationSchemaPlugin } from 'rxdb/plugins/migration-schema';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import {
  COLLECTIONS,
  toRxJsonSchema,
  type StockEvent,
  type SupplyRequest,
} from '../../shared/model';
import {
  applyWardSubstituteDecision,
  editDraft,
  openSubstitutions,
  transition,
} from '../../shared/replenishment';
import { conflictHandlerFor } from '../../renderer/replication/conflict-handlers';
import type { FetchLike } from '../../renderer/replication/endpoint-client';
import type { StoreCollectionName } from '../../renderer/store/collections';
import { MIGRATION_STRATEGIES } from '../../renderer/store/migrations';
import {
  startReplication,
  type ReplicationHandle,
} from '../../renderer/replication/start-replication';
import { prng } from './prng';
import type { PcRequestOutcome, PcSpec, WorkerReply, WorkerRequest } from './pc-protocol';

/**
 * Hosts a few simulated stockroom PCs in one thread. Each is a real RxDB database on memory
 * storage replicated by renderer/replication — the app's own code. The free RxDB core opens at
 * most 13 collections per thread, so a thread holds six PCs of two collections each.
 *
 * A "kill" cuts every request the PC has in flight (the server may or may not have acted on it)
 * and drops the database without a clean stop of replication; the memory storage keeps what was
 * written, as a disk would, and a restart opens it again.
 */
addRxPlugin(RxDBLocalDocumentsPlugin);
addRxPlugin(RxDBMigrationSchemaPlugin);

const NAMES = ['stock_events', 'supply_requests'] as const;
const FAST = { baseMs: 100, maxMs: 2_000, personMs: 2_000 };

interface Pc {
  spec: PcSpec;
  db?: RxDatabase;
  sync?: ReplicationHandle;
  inFlight: Map<AbortController, boolean>;
  restarts: number;
  /** Writes under way: a kill lands after them, never in the middle of recording work. */
  writes: Promise<unknown>;
}

const pcs = new Map<string, Pc>();

function trackedFetch(pc: Pc): FetchLike {
  return (url, init) => {
    const controller = new AbortController();
    const outer = init?.signal;
    if (outer) {
      if (outer.aborted) controller.abort();
      else outer.addEventListener('abort', () => controller.abort(), { once: true });
    }
    const isPush = init?.method === 'POST';
    pc.inFlight.set(controller, isPush);
    return globalThis
      .fetch(url, { ...init, signal: controller.signal })
      .finally(() => pc.inFlight.delete(controller));
  };
}

async function open(pc: Pc): Promise<void> {
  const db = await createRxDatabase({
    name: pc.spec.dbName,
    storage: getRxStorageMemory(),
    multiInstance: false,
    localDocuments: true,
  });
  await db.addCollections(
    Object.fromEntries(
      NAMES.map((name) => [
        name,
        {
          schema: toRxJsonSchema(COLLECTIONS[name]) as unknown as RxJsonSchema<unknown>,
          conflictHandler: conflictHandlerFor(name),
          migrationStrategies: MIGRATION_STRATEGIES[name as StoreCollectionName] ?? {},
        },
      ]),
    ),
  );
  pc.db = db;
  startSync(pc);
}

function startSync(pc: Pc): void {
  if (!pc.db) throw new Error(`${pc.spec.name} is not open`);
  pc.sync = startReplication(pc.db, {
    url: pc.spec.proxyUrl,
    token: async () => pc.spec.token,
    renewToken: async (token) => {
      pc.spec.token = token;
    },
    deviceId: pc.spec.deviceId,
    live: ['stock_events', 'supply_requests'],
    fetch: trackedFetch(pc),
    backoff: FAST,
    random: prng(pc.spec.seed + pc.restarts).next,
    pollMs: 5_000,
    timeoutMs: 10_000,
  });
}

async function stopSync(pc: Pc): Promise<void> {
  const sync = pc.sync;
  pc.sync = undefined;
  await sync?.stop();
}

async function kill(pc: Pc, waitMs: number): Promise<boolean> {
  await pc.writes;
  const deadline = Date.now() + waitMs;
  const pushing = () => [...pc.inFlight.values()].some(Boolean);
  while (!pushing() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5));
  const midPush = pushing();
  for (const controller of pc.inFlight.keys()) controller.abort();
  const db = pc.db;
  pc.db = undefined;
  pc.sync = undefined;
  pc.restarts += 1;
  // Not a clean stop: the database closes under the running replication.
  await db?.close();
  return midPush;
}

function doc(pc: Pc, name: (typeof NAMES)[number]) {
  const collection = pc.db?.collections[name];
  if (!collection) throw new Error(`${pc.spec.name} is not open`);
  return collection;
}

/** The facility's nurse manager, as CHAOS_STAFF sets them up at the centre. */
const WARD = { id: 'USR-NM', role: 'nurse-manager' } as const;

async function requestAction(
  pc: Pc,
  request: WorkerRequest & { op: 'request' },
): Promise<PcRequestOutcome> {
  const { action } = request;
  // A PC that was just killed does nothing until it is restarted.
  if (!pc.db) return false;
  const collection = doc(pc, 'supply_requests');
  if (action.kind === 'create') {
    await collection.upsert(action.request);
    return true;
  }
  const current = await collection.findOne(action.requestId).exec();
  if (!current) return false;
  const before = current.toMutableJSON() as SupplyRequest;
  if (action.kind === 'decide') {
    // The ward answers the first proposal still open here, as the nurse manager would on screen.
    const proposal = openSubstitutions(before)[0];
    if (!proposal) return false;
    const decided = applyWardSubstituteDecision(
      before,
      proposal.id,
      { ...action.decision, note: `Chaos ward: ${action.decision.outcome} at ${action.at}` },
      { person: WARD, at: action.at },
    );
    if (!decided.ok) return false;
    await current.incrementalModify(() => decided.value);
    return { decided: `${before.id}/${proposal.id}` };
  }
  const changed =
    action.kind === 'edit'
      ? editDraft(
          before,
          { lines: [{ itemId: before.lines[0]?.itemId ?? 'ITM-C1', quantity: action.quantity }] },
          action.at,
        )
      : transition(before, action.kind === 'submit' ? 'submitted' : 'cancelled', {
          at: action.at,
          by: 'USR-NM',
          ...(action.kind === 'submit' ? {} : { note: 'No longer needed' }),
        });
  if (!changed.ok) return false;
  await current.incrementalModify(() => changed.value);
  return true;
}

async function snapshot(pc: Pc, full: boolean) {
  const events = await doc(pc, 'stock_events').find().exec();
  const requests = await doc(pc, 'supply_requests').find().exec();
  return {
    eventCount: events.length,
    events: full ? events.map((d) => d.toMutableJSON() as StockEvent) : [],
    requests: requests.map((d) => d.toMutableJSON() as SupplyRequest),
    waiting: pc.sync?.status.waiting ?? -1,
    phase: pc.sync?.status.phase ?? 'stopped',
  };
}

async function perform(request: WorkerRequest): Promise<unknown> {
  if (request.op === 'open') {
    const pc: Pc = {
      spec: request.pc,
      inFlight: new Map(),
      restarts: 0,
      writes: Promise.resolve(),
    };
    pcs.set(request.pc.name, pc);
    await open(pc);
    return null;
  }
  const pc = pcs.get(request.pc);
  if (!pc) throw new Error(`no PC ${request.pc} here`);
  const write = <T>(work: () => Promise<T>): Promise<T> => {
    const done = pc.writes.then(work);
    pc.writes = done.catch(() => undefined);
    return done;
  };
  switch (request.op) {
    case 'insert':
      return write(() =>
        doc(pc, 'stock_events')
          .bulkInsert(request.events)
          .then(() => null),
      );
    case 'request':
      return write(() => requestAction(pc, request));
    case 'offline':
      await stopSync(pc);
      return null;
    case 'online':
      if (!pc.sync) startSync(pc);
      pc.sync?.reconnect();
      return null;
    case 'kill':
      return kill(pc, request.waitMs);
    case 'restart':
      await open(pc);
      return null;
    case 'snapshot':
      return snapshot(pc, request.full);
    case 'close':
      await stopSync(pc);
      await pc.db?.remove();
      pcs.delete(pc.spec.name);
      return null;
  }
}

parentPort?.on('message', (request: WorkerRequest) => {
  perform(request).then(
    (value) => parentPort?.postMessage({ id: request.id, ok: true, value } satisfies WorkerReply),
    (error: unknown) =>
      parentPort?.postMessage({
        id: request.id,
        ok: false,
        error: error instanceof Error ? `${error.message}\n${error.stack ?? ''}` : String(error),
      } satisfies WorkerReply),
  );
});
