import { sql, type Transaction } from 'kysely';
import { USER_VERIFIER_FIELDS, type CollectionName } from '../../shared/model';
import type { Database } from '../db/schema';
import { COLLECTION_EVENT_TYPES } from '../webhooks/event-types';
import type { WebhookMessage } from '../webhooks/outbox';
import type { Doc } from './canonical';
import { textArray } from './json';
import type { SequencedTransaction } from './sequenced';
import { upsertDocuments, type SequencedWrite } from './upsert-documents';

export { facilitiesOf } from './facilities-of';
export { upsertDocuments, type SequencedWrite };

export interface StoredDocument {
  id: string;
  body: Doc;
  deleted: boolean;
  facilities: string[] | null;
}

/**
 * The stored versions of these documents, locked for the transaction. Inside `sequencedWrite`,
 * name them in its `documents` so that their locks are taken before this read: a row lock cannot
 * cover a document not stored yet, and two writers of one new id must not both find nothing.
 */
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
    .where((eb) => eb(eb.ref('id'), '=', sql<string>`any(${textArray(ids)})`))
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
  /** The webhook event when it is not the collection's own (a delivery closed). */
  eventType?: string;
}

/**
 * Inserts or replaces documents under fresh seqs, in the order given, and queues their webhooks,
 * in the caller's transaction; answers each write's seq. One statement for the whole list (seqs,
 * upsert, outbox and deliveries), so a hundred documents cost the round trips of one. A document
 * written twice in one list gets two seqs and two webhooks, as two single writes would, and its
 * last version is stored under the later seq.
 */
export async function writeDocuments(
  trx: SequencedTransaction,
  writes: readonly DocumentWrite[],
): Promise<SequencedWrite[]> {
  return upsertDocuments(trx, writes, { announce: true });
}

/** The webhook announcing one stored write. */
/** A document as the ERP may see it: never a badge or PIN verifier, nor their salt. */
export function outboundDocument(body: Doc): Doc {
  const hidden: readonly string[] = USER_VERIFIER_FIELDS;
  return Object.fromEntries(Object.entries(body).filter(([field]) => !hidden.includes(field)));
}

export function documentWebhook({ write, seq }: SequencedWrite): WebhookMessage {
  return {
    eventType: write.eventType ?? COLLECTION_EVENT_TYPES[write.collection],
    payload: {
      collection: write.collection,
      seq,
      writtenBy: write.writtenBy,
      document: { ...outboundDocument(write.body), _deleted: write.deleted },
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
