import { sql, type Kysely } from 'kysely';
import { recallProgress, type RecallProgress } from '../../shared/console';
import type { RecallCase, RecallNotice } from '../../shared/model';
import type { Database } from '../db/schema';
import { itemsHoldingCodes } from '../store/items-by-code';
import { textArray } from '../store/json';

/**
 * Every recall notice, newest first, with each facility's progress and what the notice covers
 * (shared/console decides both); the products are named from the item master where it knows them.
 */
export async function listRecallProgress(
  db: Kysely<Database>,
  now: Date,
): Promise<RecallProgress[]> {
  const [stored, cases, facilities] = await Promise.all([
    db
      .selectFrom('documents')
      .select('doc')
      .where('collection', '=', 'recall_notices')
      .where('deleted', '=', false)
      .execute(),
    db
      .selectFrom('documents')
      .select('doc')
      .where('collection', '=', 'recall_cases')
      .where('deleted', '=', false)
      .execute(),
    db.selectFrom('facilities').select('id').execute(),
  ]);
  const notices = stored.map((n) => n.doc as unknown as RecallNotice);
  const items = await itemsNamedBy(db, notices);
  const allCases = cases.map((c) => c.doc as unknown as RecallCase);
  const facilityIds = facilities.map((f) => f.id);
  return notices
    .sort((a, b) => b.issuedAt.localeCompare(a.issuedAt) || a.id.localeCompare(b.id))
    .map((notice) => recallProgress(notice, allCases, facilityIds, now.toISOString(), items));
}

function itemsNamedBy(db: Kysely<Database>, notices: readonly RecallNotice[]) {
  const all = (pick: (n: RecallNotice) => readonly string[]) => [...new Set(notices.flatMap(pick))];
  const itemIds = all((n) => n.itemIds);
  const catalogNumbers = all((n) => n.catalogNumbers);
  return itemsHoldingCodes(
    db,
    { gtins: all((n) => n.gtins), hibccCodes: all((n) => n.hibccCodes) },
    [
      sql<boolean>`doc->>'id' = any(${textArray(itemIds)})`,
      sql<boolean>`doc->>'catalogNumber' = any(${textArray(catalogNumbers)})`,
    ],
  );
}
