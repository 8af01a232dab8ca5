import { sql, type Kysely, type SelectQueryBuilder } from 'kysely';
import {
  documentValidator,
  type CollectionName,
  type Item,
  type StockEvent,
  type SupplyRequest,
} from '../../shared/model';
import type { Database } from '../db/schema';
import type { FhirSearch } from '../fhir/search-params';
import type { LotRecord } from '../fhir/inventory-item';
import { textArray } from './json';
import { readableSeqCeiling } from './sequenced';

/** One stored record of a page: its document, cursor and the centre's last write. */
export interface PageRow<T> {
  seq: number;
  doc: T;
  updatedAt: Date;
  facilityId: string;
}

export interface Page<T> {
  rows: PageRow<T>[];
  /** Set when the page is full, so more may follow. */
  next: number | undefined;
  /** Stored documents the current schema refuses: left out of the answer, cursor moves past. */
  skipped: string[];
}

type DocumentsQuery = SelectQueryBuilder<
  Database,
  'documents',
  { seq: number; doc: Record<string, unknown>; updated_at: Date; id: string }
>;

function filtered(query: DocumentsQuery, search: FhirSearch, ceiling: number): DocumentsQuery {
  let q = query
    .where('seq', '>', search.after)
    .where('seq', '<=', ceiling)
    .where('deleted', '=', false);
  if (search.facility !== undefined) {
    q = q.where(sql<boolean>`${search.facility} = any(facilities)`);
  }
  for (const bound of search.lastUpdated) q = q.where('updated_at', bound.op, bound.at);
  return q.orderBy('seq').limit(search.count);
}

async function pageOf<T extends { facilityId: string }>(
  db: Kysely<Database>,
  query: DocumentsQuery,
  collection: CollectionName,
  search: FhirSearch,
): Promise<Page<T>> {
  // The ceiling before the rows, in its own statement: see sync/store/sequenced.ts.
  const ceiling = await readableSeqCeiling(db);
  const rows = await filtered(query, search, ceiling).execute();
  const validator = documentValidator(collection);
  const page: Page<T> = {
    rows: [],
    next: rows.length === search.count ? rows.at(-1)?.seq : undefined,
    skipped: [],
  };
  for (const row of rows) {
    if (!validator.check(row.doc)) {
      page.skipped.push(row.id);
      continue;
    }
    const doc = row.doc as unknown as T;
    page.rows.push({ seq: row.seq, doc, updatedAt: row.updated_at, facilityId: doc.facilityId });
  }
  return page;
}

export function supplyRequestPage(db: Kysely<Database>, search: FhirSearch) {
  const query = db
    .selectFrom('documents')
    .select(['seq', 'doc', 'updated_at', 'id'])
    .where('collection', '=', 'supply_requests');
  return pageOf<SupplyRequest>(db, query, 'supply_requests', search);
}

/** Stock events of the given types, in the events feed's order (seq). */
export function stockEventPage(db: Kysely<Database>, types: readonly string[], search: FhirSearch) {
  const query = db
    .selectFrom('documents')
    .select(['seq', 'doc', 'updated_at', 'id'])
    .where('collection', '=', 'stock_events')
    .where(sql<string>`doc->>'type'`, 'in', [...types]);
  return pageOf<StockEvent>(db, query, 'stock_events', search);
}

/** Which of these events a reversal cancels. */
export async function reversedAmong(
  db: Kysely<Database>,
  eventIds: readonly string[],
): Promise<Set<string>> {
  if (eventIds.length === 0) return new Set();
  const rows = await db
    .selectFrom('documents')
    .select(sql<string>`doc->>'reverses'`.as('reverses'))
    .where('collection', '=', 'stock_events')
    .where(sql<string>`doc->>'type'`, '=', 'reversal')
    .where(sql<boolean>`doc->>'reverses' = any(${textArray(eventIds)})`)
    .execute();
  return new Set(rows.map((r) => r.reverses));
}

export async function itemsById(
  db: Kysely<Database>,
  ids: Iterable<string>,
): Promise<Map<string, Item>> {
  const wanted = [...new Set(ids)];
  if (wanted.length === 0) return new Map();
  const rows = await db
    .selectFrom('documents')
    .select(['id', 'doc'])
    .where('collection', '=', 'items')
    .where('deleted', '=', false)
    .where(sql<boolean>`id = any(${textArray(wanted)})`)
    .execute();
  const valid = documentValidator('items');
  return new Map(
    rows.filter((r) => valid.check(r.doc)).map((r) => [r.id, r.doc as unknown as Item]),
  );
}

interface LotRow {
  item_id: string;
  lot_code: string;
  first_seq: number | string;
  last_updated: Date;
  expiry: string | null;
  facility_ids: string[];
}

/**
 * The lots the stock events name, each at the cursor of the first event that named it; the last
 * write of any of its events is its _lastUpdated. Reversals name no lot of their own.
 */
export async function lotPage(
  db: Kysely<Database>,
  search: FhirSearch,
): Promise<{ lots: LotRecord[]; next: number | undefined }> {
  const bounds = search.lastUpdated.map(
    (b) => sql`and max(updated_at) ${sql.raw(b.op)} ${b.at.toISOString()}::timestamptz`,
  );
  // Events above the ceiling are left out before grouping: a lot whose first event is still in
  // flight is not placed (and passed) at the cursor of a later one.
  const ceiling = await readableSeqCeiling(db);
  const facility =
    search.facility === undefined ? sql`` : sql`and bool_or(${search.facility} = any(facilities))`;
  const { rows } = await sql<LotRow>`
    select doc->>'itemId' as item_id, doc->>'lotCode' as lot_code, min(seq) as first_seq,
      max(updated_at) as last_updated, max(doc->>'expiry') as expiry,
      array_agg(distinct doc->>'facilityId') as facility_ids
    from documents
    where collection = 'stock_events' and not deleted and doc->>'type' <> 'reversal'
      and coalesce(doc->>'lotCode', '') <> '' and seq <= ${ceiling}
    group by doc->>'itemId', doc->>'lotCode'
    having min(seq) > ${search.after} ${facility} ${bounds.length > 0 ? sql.join(bounds, sql` `) : sql``}
    order by first_seq
    limit ${search.count}`.execute(db);
  return {
    lots: rows.map((r) => ({
      itemId: r.item_id,
      lotCode: r.lot_code,
      expiry: r.expiry ?? undefined,
      facilityIds: [...r.facility_ids].sort(),
      lastUpdated: new Date(r.last_updated).toISOString(),
    })),
    next: rows.length === search.count ? Number(rows.at(-1)?.first_seq) : undefined,
  };
}
