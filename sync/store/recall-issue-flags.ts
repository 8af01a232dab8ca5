import { sql, type Kysely } from 'kysely';
import type { RecallNotice, StockEvent } from '../../shared/model';
import { flagIssuedLots } from '../../shared/recall/issued-lot-flags';
import { compileNotice, matchesProduct } from '../../shared/recall/notice-match';
import type { Database } from '../db/schema';
import { itemsHoldingCodes } from './items-by-code';
import { textArray } from './json';

export interface RecallIssueFlag {
  noticeId: string;
  number: string;
  eventId: string;
  deviceId: string;
  /** Who issued the units (a user id). */
  actorId: string;
  /** The department the units went to, when the event names it. */
  department?: string;
  occurredAt: string;
  itemId: string;
  lotCode: string;
  quantity: number;
  reversed: boolean;
  message: string;
}

/**
 * Issues of a recalled unit made after the notice took effect, at one facility — typically on a PC
 * that was offline and had not heard of the recall. The same rule as on the PCs (shared/recall's
 * issued-lot flags), computed here from the facility's events so the centre sees what the PCs see.
 * Only the events of the recalled products are read.
 */
export async function recallIssueFlags(
  db: Kysely<Database>,
  facilityId: string,
): Promise<RecallIssueFlag[]> {
  const notices = (
    await db
      .selectFrom('documents')
      .select('doc')
      .where('collection', '=', 'recall_notices')
      .where('deleted', '=', false)
      .where(sql<boolean>`doc->>'status' = 'open'`)
      .execute()
  ).map((r) => r.doc as unknown as RecallNotice);
  if (notices.length === 0) return [];
  const compiled = notices.map(compileNotice);
  const gtins = [...new Set(notices.flatMap((n) => n.gtins))];
  const hibcc = [...new Set(notices.flatMap((n) => n.hibccCodes))];
  const named = [...new Set(notices.flatMap((n) => n.itemIds))];
  const catalogues = notices.some((n) => n.catalogNumbers.length > 0);
  // Items that may be a notice's product; matchesProduct below decides (catalogue numbers compare
  // loosely there, so items with one are all read when any notice names one).
  const candidates = await itemsHoldingCodes(
    db,
    { gtins, hibccCodes: hibcc },
    catalogues ? [sql<boolean>`doc ? 'catalogNumber'`] : [],
  );
  const items = candidates.filter((item) => compiled.some((n) => matchesProduct(n, item)));
  const itemIds = [...new Set([...named, ...items.map((i) => i.id)])];
  if (itemIds.length === 0) return [];
  // A reversal names the item of the event it reverses, so these include the reversals.
  const events = (
    await db
      .selectFrom('documents')
      .select('doc')
      .where('collection', '=', 'stock_events')
      .where(sql<boolean>`${facilityId} = any(facilities)`)
      .where(sql<boolean>`doc->>'itemId' = any(${textArray(itemIds)})`)
      .execute()
  ).map((r) => r.doc as unknown as StockEvent);
  return flagIssuedLots(events, notices, items).flatMap((flags) =>
    flags.issuedAfterEffective.map((flag) => ({
      noticeId: flags.noticeId,
      number: flags.number,
      eventId: flag.eventId,
      deviceId: flag.deviceId,
      actorId: flag.actorId,
      ...(flag.department !== undefined ? { department: flag.department } : {}),
      occurredAt: flag.occurredAt,
      itemId: flag.itemId,
      lotCode: flag.lotCode,
      quantity: flag.quantity,
      reversed: flag.reversed,
      message: flag.message,
    })),
  );
}
