import type { RecallNotice } from '../../shared/model';
import type { SyncDatabase } from '../db/connect';
import {
  writeCentreDocuments,
  type CentreWriteOptions,
  type CentreWriteOutcome,
} from './centre-write';

/**
 * A recall notice entered at the centre, by the ERP (POST /v1/erp/recalls) or by a person in the
 * console for a network without an ERP connection: one validation (RecallNoticeSchema on both
 * routes) and the shared rules of what a notice must name (notice-entry-problems.ts), one
 * write; every facility receives it on its next pull.
 */
export async function enterRecallNotice(
  database: SyncDatabase,
  notice: RecallNotice,
  writtenBy: string,
  /** The console's refusal of an id another notice holds (typed-recall-entry.ts). */
  refuseStored?: CentreWriteOptions['refuseStored'],
): Promise<CentreWriteOutcome> {
  return writeCentreDocuments(database, 'recall_notices', [notice], writtenBy, {
    oneDocument: true,
    refuseStored,
  });
}
