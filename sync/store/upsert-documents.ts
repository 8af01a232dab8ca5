import { sql } from 'kysely';
import { eventDayTotal } from '../../shared/indicators/event-day-totals';
import { usageDayTotal } from '../../shared/indicators/usage-day-totals';
import { USER_VERIFIER_FIELDS, type StockEvent } from '../../shared/model';
import type { Doc } from './canonical';
import type { DocumentWrite } from './documents';
import { facilitiesOf } from './facilities-of';
import { COLLECTION_EVENT_TYPES } from '../webhooks/event-types';
import { subscribes } from '../webhooks/outbox';
import { jsonRecords } from './json';
import { consoleNoticeCall, notifyCall, type ChangeNotice } from './notify';
import { auditInsert, type AuditEntry } from '../audit/record';
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
 * CONFLICT cannot touch a row twice in one statement). Only inside `sequencedWrite` (its low lock).
 *
 * With `notice`, the same statement queues the change notice (PostgreSQL sends it on commit); with
 * `announce`, it also queues each write's webhook message (`documentWebhook`'s payload, built from
 * the drawn seq) and its deliveries, as `enqueueWebhooks` does. Each saves the writer a round trip
 * while its transaction is open (and holds the readable ceiling down).
 */
export async function upsertDocuments(
  trx: SequencedTransaction,
  writes: readonly DocumentWrite[],
  options: {
    notice?: { channel: string; change: ChangeNotice };
    announce?: boolean;
    /** The audit line of the write: the same statement appends it and tells the consoles. */
    audit?: AuditEntry;
  } = {},
): Promise<SequencedWrite[]> {
  const { notice, announce = false, audit } = options;
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
        )
        // xmax is 0 on a row this statement inserted, not on one it updated.
        .returning(['collection', 'id', sql<boolean>`xmax = 0`.as('inserted')]),
    )
    // The indicator totals an event adds to, added once: only for an event this statement
    // inserted (a stock event is never replaced, but a total must not count one twice if it were).
    .with('kept', (db) =>
      db
        .insertInto('event_day_totals')
        .columns(['facility_id', 'day', 'item_id', 'counts', 'counts_within', 'waste_units'])
        .expression((eb) =>
          eb
            .selectFrom(jsonRecords(dayTotalRows(writes), DAY_TOTAL_COLUMNS, 't'))
            .innerJoin('stored as s', (join) =>
              join
                .onRef('s.id', '=', 't.id')
                .on('s.collection', '=', 'stock_events')
                .on('s.inserted', '=', true),
            )
            .select([
              't.facility_id',
              't.day',
              't.item_id',
              sql<number>`sum(t.counts)`.as('counts'),
              sql<number>`sum(t.counts_within)`.as('counts_within'),
              sql<number>`sum(t.waste_units)`.as('waste_units'),
            ])
            .groupBy(['t.facility_id', 't.day', 't.item_id'])
            // One order for every writer, so two writers adding to the same totals cannot deadlock.
            .orderBy('t.facility_id')
            .orderBy('t.day')
            .orderBy('t.item_id'),
        )
        .onConflict((oc) =>
          oc.columns(['facility_id', 'day', 'item_id']).doUpdateSet({
            counts: sql`event_day_totals.counts + excluded.counts`,
            counts_within: sql`event_day_totals.counts_within + excluded.counts_within`,
            waste_units: sql`event_day_totals.waste_units + excluded.waste_units`,
          }),
        ),
    )
    // The usage the console's flags read, added once per event inserted, as the totals above.
    .with('kept_usage', (db) =>
      db
        .insertInto('usage_day_totals')
        .columns(['facility_id', 'day', 'location_id', 'item_id', 'actor_id', 'units'])
        .expression((eb) =>
          eb
            .selectFrom(jsonRecords(usageRows(writes), USAGE_COLUMNS, 'u'))
            .innerJoin('stored as s', (join) =>
              join
                .onRef('s.id', '=', 'u.id')
                .on('s.collection', '=', 'stock_events')
                .on('s.inserted', '=', true),
            )
            .select([
              'u.facility_id',
              'u.day',
              'u.location_id',
              'u.item_id',
              'u.actor_id',
              sql<number>`sum(u.units)`.as('units'),
            ])
            .groupBy(['u.facility_id', 'u.day', 'u.location_id', 'u.item_id', 'u.actor_id'])
            // One order for every writer, so two writers adding to the same totals cannot deadlock.
            .orderBy('u.facility_id')
            .orderBy('u.day')
            .orderBy('u.location_id')
            .orderBy('u.item_id')
            .orderBy('u.actor_id'),
        )
        .onConflict((oc) =>
          oc
            .columns(['facility_id', 'day', 'location_id', 'item_id', 'actor_id'])
            .doUpdateSet({ units: sql`usage_day_totals.units + excluded.units` }),
        ),
    )
    // PostgreSQL runs a data-modifying CTE whether or not the answer reads it.
    .with('audited', (db) =>
      audit
        ? auditInsert(db, audit).returning(sql<number>`1`.as('one'))
        : db.selectNoFrom(sql<number>`1`.as('one')),
    )
    // Joined below so that it runs, once: a one-row CTE that the answer reads.
    .with('notified', (db) =>
      db.selectNoFrom([
        (notice ? notifyCall(notice.channel, notice.change) : sql`null`).as('sent'),
        (audit ? consoleNoticeCall() : sql`null`).as('console'),
      ]),
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

interface DayTotalRow extends Record<string, unknown> {
  id: string;
  facility_id: string;
  day: string;
  item_id: string;
  counts: number;
  counts_within: number;
  waste_units: number;
}

const DAY_TOTAL_COLUMNS =
  'id text, facility_id text, day date, item_id text, counts integer, counts_within integer, waste_units bigint';

/** What each stock event written adds to the kept indicator totals (the last write of an id). */
function dayTotalRows(writes: readonly DocumentWrite[]): DayTotalRow[] {
  const rows = new Map<string, DayTotalRow>();
  for (const write of writes) {
    if (write.collection !== 'stock_events' || write.deleted) continue;
    const id = String(write.body['id']);
    // The body passed the collection's schema at the trust boundary before it came here.
    const part = eventDayTotal(write.body as unknown as StockEvent);
    if (!part) {
      rows.delete(id);
      continue;
    }
    rows.set(id, {
      id,
      facility_id: part.facilityId,
      day: part.day,
      item_id: part.itemId,
      counts: part.counts,
      counts_within: part.countsWithin,
      waste_units: part.wasteUnits,
    });
  }
  return [...rows.values()];
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

interface UsageRow extends Record<string, unknown> {
  id: string;
  facility_id: string;
  day: number;
  location_id: string;
  item_id: string;
  actor_id: string;
  units: number;
}

const USAGE_COLUMNS =
  'id text, facility_id text, day integer, location_id text, item_id text, actor_id text, units bigint';

/** What each stock event written adds to the kept usage (the last write of an id). */
function usageRows(writes: readonly DocumentWrite[]): UsageRow[] {
  const rows = new Map<string, UsageRow>();
  for (const write of writes) {
    if (write.collection !== 'stock_events' || write.deleted) continue;
    const id = String(write.body['id']);
    // The body passed the collection's schema at the trust boundary before it came here.
    const part = usageDayTotal(write.body as unknown as StockEvent);
    if (!part) {
      rows.delete(id);
      continue;
    }
    rows.set(id, {
      id,
      facility_id: part.facilityId,
      day: part.day,
      location_id: part.locationId,
      item_id: part.itemId,
      actor_id: part.actorId,
      units: part.units,
    });
  }
  return [...rows.values()];
}
