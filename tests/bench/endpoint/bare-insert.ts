import { CompiledQuery } from 'kysely';
import type { CollectionName } from '../../../shared/model';
import type { SyncDatabase } from '../../../sync/db/connect';
import { facilitiesOf } from '../../../sync/store/documents';

type Doc = Record<string, unknown>;

/**
 * One parameterised multi-row INSERT per batch into the endpoint's `documents` table (same columns,
 * indexes and sequence), sent straight to the driver: no HTTP, validation, query builder, lock,
 * outbox or audit. Figure 5 uses it as the storage's limit; figure 6 uses it to change 50,000
 * documents at the centre in seconds rather than minutes.
 */
export const BARE_COLLECTION = 'bench_bare_insert';

const PER_ROW = 6;

function insertOf(collection: string, scope: CollectionName, batch: readonly Doc[]): CompiledQuery {
  const parameters: unknown[] = [];
  const rows = batch.map((doc, i) => {
    const facilities = facilitiesOf(scope, doc);
    const isEvent = scope === 'stock_events';
    parameters.push(
      String(doc['id']),
      facilities === null ? null : `{${facilities.join(',')}}`,
      JSON.stringify(doc),
      isEvent ? String(doc['deviceId']) : null,
      isEvent ? Number(doc['deviceSeq']) : null,
      collection,
    );
    const p = (k: number) => `$${i * PER_ROW + k}`;
    return `(${p(6)}, ${p(1)}, cast(${p(2)} as text)::text[], cast(${p(3)} as text)::jsonb, false, nextval('document_seq'), now(), now(), 'bench', ${p(4)}, cast(${p(5)} as text)::bigint)`;
  });
  return CompiledQuery.raw(
    `insert into documents (collection, id, facilities, doc, deleted, seq, recorded_at, updated_at, written_by, event_device_id, event_device_seq) values ${rows.join(', ')}`,
    parameters,
  );
}

/**
 * Inserts `batches` with `clients` concurrent writers; answers the milliseconds it took. Rows go
 * under `collection` but take their facilities from `scope`'s rules.
 */
export async function insertBatches(
  database: SyncDatabase,
  scope: CollectionName,
  batches: readonly Doc[][],
  clients: number,
  collection: string = scope,
): Promise<number> {
  const queries = batches.map((batch) => insertOf(collection, scope, batch));
  const began = performance.now();
  const worker = async () => {
    for (let query = queries.shift(); query; query = queries.shift()) {
      await database.db.executeQuery(query);
    }
  };
  await Promise.all(Array.from({ length: clients }, worker));
  return performance.now() - began;
}
