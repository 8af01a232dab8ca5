import type { Kysely } from 'kysely';
import { recallProgress, type RecallProgress } from '../../shared/console';
import type { RecallCase, RecallNotice } from '../../shared/model';
import type { Database } from '../db/schema';

/** Every recall notice, newest first, with each facility's progress (shared/console decides it). */
export async function listRecallProgress(
  db: Kysely<Database>,
  now: Date,
): Promise<RecallProgress[]> {
  const [notices, cases, facilities] = await Promise.all([
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
  const allCases = cases.map((c) => c.doc as unknown as RecallCase);
  const facilityIds = facilities.map((f) => f.id);
  return notices
    .map((n) => n.doc as unknown as RecallNotice)
    .sort((a, b) => b.issuedAt.localeCompare(a.issuedAt) || a.id.localeCompare(b.id))
    .map((notice) => recallProgress(notice, allCases, facilityIds, now.toISOString()));
}
