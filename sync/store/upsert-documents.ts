import { sql } from 'kysely';
import { USER_VERIFIER_FIELDS } from '../../shared/model';
import type { Doc } from './canonical';
import type { DocumentWrite } from './documents';
import { facilitiesOf } from './facilities-of';
import { COLLECTION_EVENT_TYPES } from '../webhooks/event-types';
import { subscribes } from '../webhooks/outbox';
import { jsonRecords } from './json';
import { notifyCall, type ChangeNotice } from './notify';
import { nextSeq, type SequencedTransaction } from './sequenced';

/** `jsonb - text[]`: the webhook copy of a document never carries a user's verifiers. */
const stripVerifiers = sql`- ${sql.lit(`{${USER_VERIFIER_FIELDS.join(',')}}`)}::text[]`;

/** A write with the seq it was stored under. */
export interface SequencedWrite {
  write: DocumentWrite;
  seq: number;
}

/** One write as it crosses in JSON; `WRITE_COLUMNS` gives PostgreSQL its types. */
interface WriteRow extends Record<string, unknown> {
  ord: number;
  collection: string;
  event_type: string;
  id: string;
  facilities: string[] | null;
  doc: Doc;
  deleted: boolean;
  written_by: string;
  event_device_id: string | null;
  event_device_seq: number | null;
}

const WRITE_COLUMNS =
  'ord integer, collection text, event_type text, id text, facilities text[], doc jsonb, deleted boolean, written_by text, event_device_id text, event_device_seq bigint';

/**
 * Inserts or replaces documents under fresh seqs, in the order given, in one statement: the writes
 * cross as one JSON parameter, draw their seqs in order (`drawn`), and the last write of each
 * document is upserted; the statement answers every write's seq. A document written twice in one
 * list gets two seqs, as two single writes would, and is stored once under the later one (ON
 * CONFLICT cannot touch a row twice in one statement). Only inside the sequence lock.
 *
 * With `notice`, the same statement queues the change notice (PostgreSQL sends it on commit); with
 * `announce`, it also queues each write's webhook message (`documentWebhook`'s payload, built from
 * the drawn seq) and its deliveries, as `enqueueWebhooks` does. Each saves the writer a round trip
 * while it holds the lock.
 */
export async function upsertDocuments(
  trx: SequencedTransaction,
  writes: readonly DocumentWrite[],
  options: { notice?: { channel: string; change: ChangeNotice }; announce?: boolean } = {},
): Promise<SequencedWrite[]> {
  const { notice, announce = false } = options;
  if (writes.length === 0) return [];
  const now = sql<Date>`cast(${new Date().toISOString()} as timestamptz)`;
  const drawn = await trx
    .with('drawn', (db) =>
      db
        .selectFrom(jsonRecords(writes.map(writeRow), WRITE_COLUMNS, 'w'))
        .selectAll('w')
        .select(nextSeq().as('seq'))
        .orderBy('w.ord'),
    )
    .with('stored', (db) =>
      db
        .insertInto('documents')
        .columns([
          'collection',
          'id',
          'facilities',
          'doc',
          'deleted',
          'seq',
          'recorded_at',
          'updated_at',
          'written_by',
          'event_device_id',
          'event_device_seq',
        ])
        .expression((eb) =>
          eb
            .selectFrom('drawn as d')
            .distinctOn(['d.collection', 'd.id'])
            .select([
              'd.collection',
              'd.id',
              'd.facilities',
              'd.doc',
              'd.deleted',
              'd.seq',
              now.as('recorded_at'),
              now.as('updated_at'),
              'd.written_by',
              'd.event_device_id',
              'd.event_device_seq',
            ])
            .orderBy('d.collection')
            .orderBy('d.id')
            .orderBy('d.ord', 'desc'),
        )
        .onConflict((oc) =>
          oc.columns(['collection', 'id']).doUpdateSet((eb) => ({
            facilities: eb.ref('excluded.facilities'),
            doc: eb.ref('excluded.doc'),
            deleted: eb.ref('excluded.deleted'),
            seq: eb.ref('excluded.seq'),
            updated_at: eb.ref('excluded.updated_at'),
            written_by: eb.ref('excluded.written_by'),
          })),
        ),
    )
    // Joined below so that it runs, once: a one-row CTE that the answer reads.
    .with('notified', (db) =>
      db.selectNoFrom((notice ? notifyCall(notice.channel, notice.change) : sql`null`).as('sent')),
    )
    .with('messages', (db) =>
      db
        .selectFrom('drawn as d')
        .select([
          'd.ord',
          sql<string>`'msg_' || gen_random_uuid()`.as('id'),
          'd.event_type',
          sql<Doc>`jsonb_build_object('collection', d.collection, 'seq', d.seq, 'writtenBy', d.written_by, 'document', (d.doc ${stripVerifiers}) || jsonb_build_object('_deleted', d.deleted))`.as(
            'payload',
          ),
        ])
        .where(sql<boolean>`${sql.lit(announce)}`),
    )
    // From here as in enqueueWebhooks: deliveries to the endpoints subscribed now, in write order.
    .with('subscribed', (db) =>
      db
        .selectFrom(['messages as q', 'webhook_endpoints as e'])
        .select(['q.ord', 'q.id as outbox_id', 'e.id as endpoint_id'])
        .where('e.disabled_at', 'is', null)
        .where(subscribes),
    )
    .with('queued', (db) =>
      db
        .insertInto('outbox')
        .columns(['id', 'event_type', 'payload'])
        .expression((eb) =>
          eb
            .selectFrom('messages')
            .select(['id', 'event_type', 'payload'])
            .where('id', 'in', eb.selectFrom('subscribed').select('outbox_id')),
        ),
    )
    .with('delivered', (db) =>
      db
        .insertInto('webhook_deliveries')
        .columns(['outbox_id', 'endpoint_id', 'status', 'attempts', 'next_attempt_at'])
        .expression((eb) =>
          eb
            .selectFrom('subscribed')
            .select([
              'outbox_id',
              'endpoint_id',
              sql.lit('pending').as('status'),
              sql.lit(0).as('attempts'),
              sql<Date>`now()`.as('next_attempt_at'),
            ])
            .orderBy('ord'),
        ),
    )
    .selectFrom(['drawn', 'notified'])
    .select(['drawn.ord', 'drawn.seq'])
    .orderBy('drawn.ord')
    .execute();
  return inWriteOrder(writes, drawn);
}

/**
 * Pairs each write with its seq, and refuses (rolling the transaction back) if the seqs do not
 * ascend with the writes: seq order is the order of the writes, and the checkpoints rely on it.
 */
function inWriteOrder(
  writes: readonly DocumentWrite[],
  drawn: readonly { ord: unknown; seq: unknown }[],
): SequencedWrite[] {
  let previous = -Infinity;
  return writes.map((write, i) => {
    const row = drawn[i];
    const seq = Number(row?.seq);
    if (row?.ord !== i || !(seq > previous)) {
      throw new Error(`seqs drawn out of write order at write ${i}`);
    }
    previous = seq;
    return { write, seq };
  });
}

function writeRow(write: DocumentWrite, ord: number): WriteRow {
  const { collection, body, deleted, writtenBy, eventType } = write;
  const isEvent = collection === 'stock_events';
  return {
    ord,
    collection,
    event_type: eventType ?? COLLECTION_EVENT_TYPES[collection],
    id: String(body['id']),
    facilities: facilitiesOf(collection, body),
    doc: body,
    deleted,
    written_by: writtenBy,
    event_device_id: isEvent ? String(body['deviceId']) : null,
    event_device_seq: isEvent ? Number(body['deviceSeq']) : null,
  };
}
