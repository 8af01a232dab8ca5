import type { Subject } from 'rxjs';
import {
  categorizeBulkWriteRows,
  createRevision,
  ensureNotFalsy,
  now,
  type BulkWriteRow,
  type CategorizeBulkWriteRowsOutput,
  type EventBulk,
  type RxDocumentData,
  type RxStorageChangeEvent,
  type RxStorageDefaultCheckpoint,
} from 'rxdb';
import { Dexie } from 'dexie';
import { fromDexieToStorage, fromStorageToDexie } from 'rxdb/plugins/storage-dexie';
import type { StockEvent } from '../../shared/model';
import type { StockroomDatabase } from './collections';
import { ledgerPair, type LedgerInstance } from './ledger-storage';
import type { BalanceDoc } from './local-schemas';

/** The context of the change events, as RxDB's own writes name theirs. */
export const JOINT_WRITE_CONTEXT = 'stockroom-ledger-joint-write';

type Row = { id: string };

/** What a write was planned from, as this window's RxDB saw the ledger. */
export interface PlannedFrom {
  /** The revision of each balance read or written; null where none was stored. */
  balances: ReadonlyMap<string, string | null>;
  deviceId: string;
  /** The first sequence number of the write: no stored event of the device may hold it or more. */
  firstSeq: number;
}

/**
 * IndexedDB holds a ledger newer than the one the write was planned from: another window wrote,
 * and its change has not reached this window's RxDB yet. Nothing was stored; plan again.
 */
export class LedgerMovedError extends Error {
  constructor(what: string) {
    super(`The stock ledger changed while this write was planned (${what}).`);
    this.name = 'LedgerMovedError';
  }
}
type ChangeBulk = EventBulk<RxStorageChangeEvent<RxDocumentData<Row>>, RxStorageDefaultCheckpoint>;

/**
 * Stores events and the balances they leave in one IndexedDB transaction: both commit or
 * neither does. Returns false when the store does not keep the ledger in one database (the memory
 * storage of unit tests); the caller then writes them one after the other.
 *
 * This is RxStorageInstanceDexie.bulkWrite for two tables at once: the rows get RxDB's revision
 * and write time, conflicts are judged by RxDB's own categorizeBulkWriteRows against the rows read
 * inside the transaction, and afterwards each collection's storage emits its change events, which
 * is what the collections' caches and queries, the other windows and the replication's push
 * listen to. Storage-level, under RxDB's collections: the schema validator (development builds
 * only) does not see these rows; the writer validates events itself, and balances are computed.
 *
 * The writer plans from RxDB's cache, which hears another window's writes over a broadcast
 * channel that the ledger lock's hand-over does not wait for. So the transaction first checks
 * that the balances and the device's sequence are still as planned, and throws LedgerMovedError
 * (storing nothing) if they are not: a stale plan can never overwrite a newer balance or reuse a
 * sequence number.
 */
export async function writeLedgerJointly(
  db: StockroomDatabase,
  events: readonly StockEvent[],
  balances: readonly BalanceDoc[],
  plannedFrom: PlannedFrom,
): Promise<boolean> {
  const pair = ledgerPair(db.token);
  if (!pair) return false;
  const eventsTable = await pair.stock_events.internals;
  const balancesTable = await pair.balances.internals;
  // One connection, both collections' tables: the other instance's table objects belong to its
  // own connection and cannot join this transaction.
  const dexie = eventsTable.dexieDb;
  const tables = ['stock_events', 'stock_events_attachments', 'balances', 'balances_attachments'];
  let written: { events: Categorized; balances: Categorized } | undefined;
  await dexie.transaction('rw', tables, async () => {
    const read = [...new Set([...plannedFrom.balances.keys(), ...balances.map((b) => b.id)])];
    const [eventRows, balanceRows, seqTaken] = await Promise.all([
      dexie.table('stock_events').bulkGet(events.map((e) => e.id)),
      dexie.table('balances').bulkGet(read),
      dexie
        .table('stock_events')
        .where(DEVICE_SEQ_INDEX)
        .between(
          [NOT_DELETED, plannedFrom.deviceId, plannedFrom.firstSeq, Dexie.minKey],
          [NOT_DELETED, plannedFrom.deviceId, Dexie.maxKey, Dexie.maxKey],
        )
        .first(),
    ]);
    if (seqTaken)
      throw new LedgerMovedError(
        `device ${plannedFrom.deviceId} already used number ${plannedFrom.firstSeq}`,
      );
    const lwt = now();
    const storedEvents = stored(eventRows, eventsTable.booleanIndexes);
    const storedBalances = stored(balanceRows, balancesTable.booleanIndexes);
    for (const id of read) {
      const row = storedBalances.get(id);
      const revision = row && !row._deleted ? row._rev : null;
      if (revision !== (plannedFrom.balances.get(id) ?? null))
        throw new LedgerMovedError(`balance ${id} is at another revision`);
    }
    written = {
      // An event is only ever inserted: one already stored is a conflict, and aborts the write.
      events: categorize(
        pair.stock_events,
        storedEvents,
        events.map((e) => row(db.token, e as unknown as Row, lwt, undefined)),
      ),
      // A balance replaces the stored one read in this very transaction: only the ledger writer,
      // under its lock, writes balances.
      balances: categorize(
        pair.balances,
        storedBalances,
        balances.map((b) => row(db.token, b, lwt, storedBalances.get(b.id))),
      ),
    };
    const refused = written.events.errors[0] ?? written.balances.errors[0];
    if (refused)
      // Thrown inside the transaction, so Dexie aborts it and nothing of this write is stored.
      throw new Error(`Stock ledger row ${refused.documentId} was refused (${refused.status}).`);
    // Asked for together: IndexedDB runs a transaction's requests in order anyway, and each await
    // between them is a round trip to the browser process.
    await Promise.all([
      dexie.table('stock_events').bulkPut(puts(written.events, eventsTable.booleanIndexes)),
      dexie.table('balances').bulkPut(puts(written.balances, balancesTable.booleanIndexes)),
    ]);
  });
  const done = ensureNotFalsy(written);
  emit(pair.stock_events, done.events);
  emit(pair.balances, done.balances);
  return true;
}

type Categorized = CategorizeBulkWriteRowsOutput<Row>;

/** The Dexie index RxDB makes of the events' ['deviceId', 'deviceSeq'] (storage-dexie). */
const DEVICE_SEQ_INDEX = '[_deleted+deviceId+deviceSeq+id]';
/** How RxDB's Dexie storage stores a false boolean it indexes. */
const NOT_DELETED = '0';

function row(
  token: string,
  doc: Row,
  lwt: number,
  previous: RxDocumentData<Row> | undefined,
): BulkWriteRow<Row> {
  // Stored as RxDB stores a document: no undefined-valued keys, plus its own fields.
  const plain = JSON.parse(JSON.stringify(doc)) as Row;
  const document: RxDocumentData<Row> = {
    ...plain,
    _deleted: false,
    _attachments: {},
    _rev: createRevision(token, previous),
    _meta: { lwt },
  };
  return previous ? { previous, document } : { document };
}

function stored(
  rows: readonly unknown[],
  booleanIndexes: string[],
): Map<string, RxDocumentData<Row>> {
  const map = new Map<string, RxDocumentData<Row>>();
  for (const found of rows) {
    if (!found) continue;
    const doc = fromDexieToStorage<Row>(booleanIndexes, found as RxDocumentData<Row>);
    map.set(doc.id, doc);
  }
  return map;
}

function categorize(
  instance: LedgerInstance,
  inDb: Map<string, RxDocumentData<Row>>,
  rows: BulkWriteRow<Row>[],
): Categorized {
  return categorizeBulkWriteRows<Row>(instance, 'id', inDb, rows, JOINT_WRITE_CONTEXT);
}

function puts(categorized: Categorized, booleanIndexes: string[]): unknown[] {
  return [...categorized.bulkInsertDocs, ...categorized.bulkUpdateDocs].map((r) =>
    fromStorageToDexie(booleanIndexes, r.document),
  );
}

function emit(instance: LedgerInstance, categorized: Categorized): void {
  const bulk = categorized.eventBulk as ChangeBulk;
  if (bulk.events.length === 0) return;
  const newest = ensureNotFalsy(categorized.newestRow).document;
  bulk.checkpoint = { id: newest.id, lwt: newest._meta.lwt };
  // RxStorageInstanceDexie keeps its change stream private; its bulkWrite emits on it exactly
  // so, and multi-instance support, collections and replication all listen to it.
  (instance as unknown as { changes$: Subject<ChangeBulk> }).changes$.next(bulk);
}
