import { sql, type Transaction } from 'kysely';
import { COLLECTIONS, type CollectionName } from '../../shared/model';
import type { Database } from '../db/schema';
import { COLLECTION_EVENT_TYPES } from '../webhooks/event-types';
import { enqueueWebhooks, type WebhookMessage } from '../webhooks/outbox';
import type { Doc } from './canonical';
import { jsonb, textArray } from './json';
import { nextSeq, type SequencedTransaction } from './sequenced';

export interface StoredDocument {
  id: string;
  body: Doc;
  deleted: boolean;
  facilities: string[] | null;
}

/** Which facilities may see a document, from its collection's scope. */
export function facilitiesOf(collection: CollectionName, body: Doc): string[] | null {
  const scope = COLLECTIONS[collection].scope;
  if (scope === 'global') return null;
  if (scope === 'facility') return [String(body['facilityId'])];
  return Array.isArray(body['facilityIds']) ? body['facilityIds'].map(String) : [];
}

export async function findDocuments(
  trx: Transaction<Database>,
  collection: CollectionName,
  ids: readonly string[],
): Promise<Map<string, StoredDocument>> {
  if (ids.length === 0) return new Map();
  const rows = await trx
    .selectFrom('documents')
    .select(['id', 'doc', 'deleted', 'facilities'])
    .where('collection', '=', collection)
    .where('id', 'in', [...ids])
    .forUpdate()
    .execute();
  return new Map(
    rows.map((r) => [
      r.id,
      { id: r.id, body: r.doc, deleted: r.deleted, facilities: r.facilities },
    ]),
  );
}

export interface DocumentWrite {
  collection: CollectionName;
  body: Doc;
  deleted: boolean;
  /** `device:<id>` or `api-key:<name>`: who wrote this version. */
  writtenBy: string;
}

/**
 * Inserts or replaces documents under fresh seqs, in the order given, and queues their webhooks,
 * in the caller's transaction; answers each write's seq. A few statements for the whole list
 * (seqs, one multi-row upsert, the outbox's two), so a push costs the same round trips for one
 * document as for a hundred. A document written twice in one list gets two seqs and two webhooks,
 * as two single writes would, and its last version is stored under the later seq.
 */
export async function writeDocuments(
  trx: SequencedTransaction,
  writes: readonly DocumentWrite[],
): Promise<SequencedWrite[]> {
  const sequenced = await upsertDocuments(trx, writes);
  await enqueueWebhooks(trx, sequenced.map(documentWebhook));
  return sequenced;
}

/** A write with the seq it was stored under. */
export interface SequencedWrite {
  write: DocumentWrite;
  seq: number;
}

/** `writeDocuments` without the webhooks, for a caller that queues them among others of its own. */
export async function upsertDocuments(
  trx: SequencedTransaction,
  writes: readonly DocumentWrite[],
): Promise<SequencedWrite[]> {
  if (writes.length === 0) return [];
  const sequenced = withSeqs(writes, await drawSeqs(trx, writes.length));
  // One row per document: ON CONFLICT cannot touch a row twice in one statement.
  const latest = new Map<string, SequencedWrite>();
  for (const s of sequenced)
    latest.set(`${s.write.collection}\u0000${String(s.write.body['id'])}`, s);
  const now = new Date();
  await trx
    .insertInto('documents')
    .values([...latest.values()].map((s) => documentRow(s, now)))
    .onConflict((oc) =>
      oc.columns(['collection', 'id']).doUpdateSet((eb) => ({
        facilities: eb.ref('excluded.facilities'),
        doc: eb.ref('excluded.doc'),
        deleted: eb.ref('excluded.deleted'),
        seq: eb.ref('excluded.seq'),
        updated_at: eb.ref('excluded.updated_at'),
        written_by: eb.ref('excluded.written_by'),
      })),
    )
    .execute();
  return sequenced;
}

/** The webhook announcing one stored write. */
export function documentWebhook({ write, seq }: SequencedWrite): WebhookMessage {
  return {
    eventType: COLLECTION_EVENT_TYPES[write.collection],
    payload: {
      collection: write.collection,
      seq,
      writtenBy: write.writtenBy,
      document: { ...write.body, _deleted: write.deleted },
    },
  };
}

/** Inserts or replaces one document under a fresh seq and queues its webhook. */
export async function writeDocument(
  trx: SequencedTransaction,
  write: DocumentWrite,
): Promise<number> {
  const [stored] = await writeDocuments(trx, [write]);
  if (!stored) throw new Error('a document write answered no seq');
  return stored.seq;
}

/** `count` seqs in the order drawn; the sequence lock keeps anyone else from drawing between. */
async function drawSeqs(trx: SequencedTransaction, count: number): Promise<number[]> {
  const drawn = await sql<{
    seq: number | string;
  }>`select ${nextSeq()} as seq from generate_series(1, ${count}::int)`.execute(trx);
  return drawn.rows.map((r) => Number(r.seq)).sort((a, b) => a - b);
}

/** Pairs writes with ascending seqs: seq order is the order of the writes. */
function withSeqs(writes: readonly DocumentWrite[], seqs: readonly number[]): SequencedWrite[] {
  return writes.map((write, i) => {
    const seq = seqs[i];
    if (seq === undefined) throw new Error(`drew ${seqs.length} seqs for ${writes.length} writes`);
    return { write, seq };
  });
}

function documentRow({ write, seq }: SequencedWrite, now: Date) {
  const { collection, body, deleted, writtenBy } = write;
  const isEvent = collection === 'stock_events';
  return {
    collection,
    id: String(body['id']),
    facilities: textArray(facilitiesOf(collection, body)),
    doc: jsonb(body),
    deleted,
    seq,
    recorded_at: now,
    updated_at: now,
    written_by: writtenBy,
    event_device_id: isEvent ? String(body['deviceId']) : null,
    event_device_seq: isEvent ? Number(body['deviceSeq']) : null,
  };
}
