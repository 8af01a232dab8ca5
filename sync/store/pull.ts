import { sql, type Kysely } from 'kysely';
import { COLLECTIONS, documentValidator, type CollectionName } from '../../shared/model';
import type { Database } from '../db/schema';
import { withDeleted, type Doc } from './canonical';
import { readableSeqCeiling } from './sequenced';

export interface PullPage {
  documents: Doc[];
  checkpoint: { seq: number };
  /** Stored documents the current schema refuses: skipped, never served. */
  skippedInvalid: { id: string; seq: number }[];
}

/** Enough to step over a run of unservable rows without letting one request scan for ever. */
const MAX_SCANS = 20;
/**
 * How long a pull waits for writers in flight below the last drawn seq (see `readableSeqCeiling`):
 * longer than a push transaction, short enough that a long centre import delays no pull for long.
 */
export const PULL_CEILING_WAIT_MS = 500;

/**
 * Documents of one collection after `afterSeq` that `facilityId` may see, in seq order. A stored
 * document that no longer passes the schema would stall the client's whole batch, so it is
 * skipped (and reported) while the checkpoint still moves past it; the scan goes on until a page
 * holds at least one document or the collection ends, because RxDB stops at an empty page. Only
 * seqs at or below the readable ceiling are served, so the checkpoint never passes a seq that a
 * writer still in flight could make visible.
 */
export async function pullDocuments(
  db: Kysely<Database>,
  collection: CollectionName,
  facilityId: string,
  afterSeq: number,
  limit: number,
): Promise<PullPage> {
  const validator = documentValidator(collection);
  const global = COLLECTIONS[collection].scope === 'global';
  const page: PullPage = { documents: [], checkpoint: { seq: afterSeq }, skippedInvalid: [] };
  const ceiling = await readableSeqCeiling(db, { waitMs: PULL_CEILING_WAIT_MS });
  for (let scan = 0; scan < MAX_SCANS && page.documents.length === 0; scan += 1) {
    let query = db
      .selectFrom('documents')
      .select(['id', 'doc', 'deleted', 'seq'])
      .where('collection', '=', collection)
      .where('seq', '>', page.checkpoint.seq)
      .where('seq', '<=', ceiling)
      .orderBy('seq')
      .limit(limit);
    if (!global) query = query.where(sql<boolean>`${facilityId} = any(facilities)`);
    const rows = await query.execute();
    for (const row of rows) {
      if (validator.check(row.doc)) page.documents.push(withDeleted(row.doc, row.deleted));
      else page.skippedInvalid.push({ id: row.id, seq: row.seq });
      page.checkpoint = { seq: row.seq };
    }
    if (rows.length < limit) break;
  }
  return page;
}
