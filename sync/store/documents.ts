import type { Transaction } from 'kysely';
import { COLLECTIONS, type CollectionName } from '../../shared/model';
import type { Database } from '../db/schema';
import { COLLECTION_EVENT_TYPES } from '../webhooks/event-types';
import { enqueueWebhook } from '../webhooks/outbox';
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

/** Inserts or replaces a document under a fresh seq and queues its webhook, in the caller's transaction. */
export async function writeDocument(
  trx: SequencedTransaction,
  write: DocumentWrite,
): Promise<number> {
  const { collection, body, deleted, writtenBy } = write;
  const isEvent = collection === 'stock_events';
  const row = await trx
    .insertInto('documents')
    .values({
      collection,
      id: String(body['id']),
      facilities: textArray(facilitiesOf(collection, body)),
      doc: jsonb(body),
      deleted,
      seq: nextSeq(),
      recorded_at: new Date(),
      updated_at: new Date(),
      written_by: writtenBy,
      event_device_id: isEvent ? String(body['deviceId']) : null,
      event_device_seq: isEvent ? Number(body['deviceSeq']) : null,
    })
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
    .returning('seq')
    .executeTakeFirstOrThrow();
  await enqueueWebhook(trx, COLLECTION_EVENT_TYPES[collection], {
    collection,
    seq: row.seq,
    writtenBy,
    document: { ...body, _deleted: deleted },
  });
  return row.seq;
}
