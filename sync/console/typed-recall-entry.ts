import type { RecallNotice } from '../../shared/model';
import { compileNotice } from '../../shared/recall';
import { recallNoticeProblems } from '../../shared/recall/notice-entry-problems';
import { HttpError } from '../http/errors';
import { sameContent, type Doc } from '../store/canonical';
import type { StoredDocument } from '../store/documents';

/**
 * What the console refuses of a recall a person types, beyond the ERP's rules (which it also
 * applies). A typed notice must say which units: the ERP may send one that names none (its
 * screens say "cannot tell"), but a buyer who leaves the lots empty meant "every lot" or forgot
 * them, and a stockroom could not tell a recalled unit from any other.
 */
export function refuseTypedRecallUnits(notice: RecallNotice, now: Date): void {
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
}

/**
 * The console's form is for a new notice: an id already held by another notice would replace it
 * for every stockroom (a slip in the id turned the ERP's Class I notice into the typed one), so
 * it is refused, naming the notice it would have replaced; the same notice sent again (a retry)
 * passes and changes nothing. Called inside the write's transaction with the stored version,
 * locked, so an ERP notice stored between a check and the write cannot be replaced.
 */
export function refuseTakenNoticeId(
  notice: RecallNotice,
  stored: StoredDocument | undefined,
): void {
  if (!stored || sameContent(stored.body, notice as unknown as Doc)) return;
  const held = stored.body as unknown as RecallNotice;
  throw new HttpError(
    409,
    'RECALL_NOTICE_ID_TAKEN',
    `Nothing was stored: notice id "${notice.id}" already belongs to ${held.number}: ${held.title} (Class ${held.class}). Give the new recall a notice id of its own; that notice stays as it is.`,
    [{ field: 'id', message: `already used by ${held.number}` }],
  );
}
