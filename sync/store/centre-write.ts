import {
  blankNameProblems,
  COLLECTIONS,
  documentValidator,
  type CollectionName,
  type FieldError,
  type Item,
  type RecallNotice,
  verifierProblems,
} from '../../shared/model';
import { itemCodeProblems } from '../../shared/inventory/item-code-problems';
import { recallNoticeProblems } from '../../shared/recall/notice-entry-problems';
import type { SyncDatabase } from '../db/connect';
import { auditUserAccessChanges } from '../audit/user-access-audit';
import { HttpError } from '../http/errors';
import { sameContent, type Doc } from './canonical';
import { checkCentreReferences, refuseTwoVersions } from './centre-references';
import {
  facilitiesOf,
  findDocuments,
  writeDocuments,
  type DocumentWrite,
  type StoredDocument,
} from './documents';
import { notifyChange } from './notify';
import { sequencedWrite } from './sequenced';

/**
 * The fields a stockroom owns stay the stockroom's when the ERP sends the document again: a
 * delivery's closing is kept (the ERP may echo it back unchanged, never change it).
 */
function keepStockroomFields(
  collection: CollectionName,
  sent: Doc,
  current: StoredDocument | undefined,
): Doc {
  if (collection !== 'deliveries') return sent;
  const closure = current && !current.deleted ? current.body['closure'] : undefined;
  if (closure === undefined) {
    if (sent['closure'] === undefined) return sent;
  } else if (sent['closure'] === undefined) {
    return { ...sent, closure };
  } else if (sameContent(sent['closure'], closure)) {
    return sent;
  }
  throw new HttpError(
    422,
    'STOCKROOM_FIELD',
    `Nothing was stored: delivery ${String(sent['id'])} — "closure" is written by the stockroom that closes the delivery; send the delivery without it.`,
    [{ field: 'closure', message: 'written by the stockroom only' }],
  );
}

/**
 * What a schema cannot say of a valid document, by the shared rules: which hash schemes and costs
 * a PC will check, whether a GTIN's check digit is right, whether a recall can match anything,
 * whether the names people see hold anything visible.
 */
function contentProblems(
  collection: CollectionName,
  doc: Doc,
  now: Date,
  prefix: string,
): FieldError[] {
  const problems = [
    ...blankNameProblems(collection, doc),
    ...(collection === 'users'
      ? verifierProblems(doc)
      : collection === 'items'
        ? itemCodeProblems(doc as unknown as Item)
        : collection === 'recall_notices'
          ? recallNoticeProblems(doc as unknown as RecallNotice, now)
          : []),
  ];
  return problems.map((p) => ({ ...p, field: `${prefix}${p.field}` }));
}

export interface CentreWriteOptions {
  /** A route that takes one document (a recall notice) names fields without a batch position. */
  oneDocument?: boolean;
  /**
   * A route's own refusal of what is stored, inside the write's transaction with the stored
   * versions locked: a check made before the transaction could be overtaken by another write.
   */
  refuseStored?: (stored: ReadonlyMap<string, StoredDocument>) => void;
}

export interface CentreWriteOutcome {
  written: number;
  unchanged: number;
}

/**
 * ERP upserts: all documents valid, their facilities known, one version of each id, and their
 * references sound (centre-references.ts), or nothing is stored. A document
 * equal to the stored one is left alone (no new seq), so sending the same file again is harmless.
 */
export async function writeCentreDocuments(
  database: SyncDatabase,
  collection: CollectionName,
  docs: readonly Doc[],
  writtenBy: string,
  options: CentreWriteOptions = {},
): Promise<CentreWriteOutcome> {
  const { oneDocument = false, refuseStored } = options;
  const validator = documentValidator(collection);
  const now = new Date();
  const at = (index: number) => (oneDocument ? '' : `[${index}].`);
  const invalid: FieldError[] = [];
  docs.forEach((doc, index) => {
    const result = validator.validate(doc);
    if (!result.ok)
      invalid.push(
        ...result.errors.map((e) => ({ field: `${at(index)}${e.field}`, message: e.message })),
      );
    else invalid.push(...contentProblems(collection, doc, now, at(index)));
  });
  if (invalid.length > 0) {
    throw new HttpError(
      422,
      'DOCUMENT_INVALID',
      `Nothing was stored: ${invalid[0]?.field} — ${invalid[0]?.message}`,
      invalid,
    );
  }
  refuseTwoVersions(collection, docs, sameContent);
  const scoped = COLLECTIONS[collection].scope !== 'global';
  const facilities = scoped
    ? [...new Set(docs.flatMap((d) => facilitiesOf(collection, d) ?? []))]
    : [];
  if (facilities.length > 0) {
    const known = await database.db
      .selectFrom('facilities')
      .select('id')
      .where('id', 'in', facilities)
      .execute();
    const missing = facilities.filter((f) => !known.some((k) => k.id === f));
    if (missing.length > 0) {
      throw new HttpError(
        422,
        'FACILITY_UNKNOWN',
        `Unknown facility ${missing.join(', ')}; nothing was stored.`,
      );
    }
  }
  const ids = docs.map((d) => String(d['id']));
  return sequencedWrite(
    database.db,
    async (trx) => {
      const stored = await findDocuments(trx, collection, ids);
      await checkCentreReferences(trx, collection, docs, stored);
      refuseStored?.(stored);
      const outcome: CentreWriteOutcome = { written: 0, unchanged: 0 };
      const writes: DocumentWrite[] = [];
      for (const sent of docs) {
        const current = stored.get(String(sent['id']));
        const doc = keepStockroomFields(collection, sent, current);
        if (current && !current.deleted && sameContent(current.body, doc)) {
          outcome.unchanged += 1;
          continue;
        }
        writes.push({ collection, body: doc, deleted: false, writtenBy });
        stored.set(String(doc['id']), {
          id: String(doc['id']),
          body: doc,
          deleted: false,
          facilities: null,
        });
        outcome.written += 1;
      }
      // Role changes are audited against the stored versions, so before they are replaced.
      if (collection === 'users') await auditUserAccessChanges(trx, writtenBy, writes);
      // All at once, in order: the same seqs and webhooks as one write per document.
      await writeDocuments(trx, writes);
      if (outcome.written > 0) {
        await notifyChange(trx, database.channel, {
          collection,
          facilities: scoped ? facilities : null,
        });
      }
      return outcome;
    },
    { collection, ids },
  );
}
