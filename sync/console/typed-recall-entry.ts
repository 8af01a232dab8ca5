import type { Kysely } from 'kysely';
import type { RecallNotice } from '../../shared/model';
import { compileNotice } from '../../shared/recall';
import { recallNoticeProblems } from '../../shared/recall/notice-entry-problems';
import type { Database } from '../db/schema';
import { HttpError } from '../http/errors';
import { sameContent, type Doc } from '../store/canonical';

/**
 * What the console refuses of a recall a person types, beyond the ERP's rules (which it also
 * applies). The form is for a new notice: an id already held by another notice would replace it
 * for every stockroom (a slip in the id turned the ERP's Class I notice into the typed one), so
 * it is refused, naming the notice it would have replaced; the same notice sent again (a retry)
 * passes and changes nothing. And a typed notice must say which units: the ERP may send one that
 * names none (its screens say "cannot tell"), but a buyer who leaves the lots empty meant "every
 * lot" or forgot them, and a stockroom could not tell a recalled unit from any other.
 */
export async function refuseTypedRecall(
  db: Kysely<Database>,
  notice: RecallNotice,
  now: Date,
): Promise<void> {
  // The ERP's own refusals come first, in their words, when the write makes them.
  if (recallNoticeProblems(notice, now).length > 0) return;
  if (!compileNotice(notice).namesUnits) {
    throw new HttpError(
      422,
      'RECALL_NAMES_NO_UNITS',
      'Nothing was stored: the notice names no lot, so no stockroom could tell a recalled unit from any other. List the recalled lot codes, or tick "Every lot".',
      [{ field: 'lotCodes', message: 'list the recalled lots, or tick "Every lot"' }],
    );
  }
  const stored = await db
    .selectFrom('documents')
    .select(['doc', 'written_by'])
    .where('collection', '=', 'recall_notices')
    .where('id', '=', notice.id)
    .executeTakeFirst();
  if (!stored || sameContent(stored.doc as Doc, notice as unknown as Doc)) return;
  const held = stored.doc as unknown as RecallNotice;
  throw new HttpError(
    409,
    'RECALL_NOTICE_ID_TAKEN',
    `Nothing was stored: notice id "${notice.id}" already belongs to ${held.number}: ${held.title} (Class ${held.class}). Give the new recall a notice id of its own; that notice stays as it is.`,
    [{ field: 'id', message: `already used by ${held.number}` }],
  );
}
