import { filter, merge, type Subscription } from 'rxjs';
import type { RecallCase, RecallNotice, StockEvent } from '../../shared/model';
import { flagIssuedLots } from '../../shared/recall/issued-lot-flags';
import { compileNotice, matchesProduct } from '../../shared/recall/notice-match';
import { matchStock } from '../../shared/recall/stock-match';
import type { StockroomDatabase } from '../store/collections';
import type { SyncInbox } from './inbox';

export interface RecallArrivalContext {
  facilityId: string;
  deviceId: string;
  now: () => Date;
  inbox: SyncInbox;
}

/** One case per notice per facility, so two PCs that open it offline open the same case. */
export function recallCaseId(facilityId: string, noticeId: string): string {
  return `RCS-${facilityId}-${noticeId}`.slice(0, 64);
}

const units = (n: number) => `${n} unit${n === 1 ? '' : 's'}`;

/**
 * What happens when a recall notice reaches this PC by sync. The lot is blocked the moment the
 * notice is stored — shared/inventory counts a recalled lot as wholly quarantined and the scan
 * decision refuses it — so this work only tells people and starts the paperwork, in the background
 * while the stockroom keeps working:
 * - the facility's recall case is opened (`received`), under an id every PC of the facility
 *   shares, so cases opened on two PCs merge into one;
 * - the inbox says how much stock is blocked and where;
 * - issues of a recalled unit after the notice took effect — typically made on a PC that was
 *   offline and had not heard of the notice — are flagged in the inbox (the centre flags them too,
 *   in sync-health). The check runs again when other PCs' events arrive.
 */
export function watchRecallArrivals(
  db: StockroomDatabase,
  context: RecallArrivalContext,
): { subscription: Subscription; checked(): Promise<void> } {
  let running: Promise<void> = Promise.resolve();
  let queued = false;
  const check = () => {
    if (queued) return;
    queued = true;
    running = running
      .then(async () => {
        queued = false;
        await review(db, context);
      })
      // A closed database at shutdown: the next start reviews again.
      .catch(() => undefined);
  };
  const fromSync = (bulk: { context: string }) => bulk.context.startsWith('replication-');
  const subscription = merge(
    db.recall_notices.eventBulks$.pipe(filter(fromSync)),
    db.stock_events.eventBulks$.pipe(filter(fromSync)),
    db.items.eventBulks$.pipe(filter(fromSync)),
  ).subscribe(check);
  // Start-up: a notice stored just before the window closed is reviewed now.
  check();
  return { subscription, checked: () => running };
}

async function review(db: StockroomDatabase, context: RecallArrivalContext): Promise<void> {
  const notices = (await db.recall_notices.find({ selector: { status: 'open' } }).exec()).map(
    (d) => d.toMutableJSON() as RecallNotice,
  );
  if (notices.length === 0) return;
  const items = (await db.items.find().exec()).map((d) => d.toMutableJSON());
  const balances = (await db.balances.find().exec()).map((d) => d.toMutableJSON());
  for (const notice of notices) {
    await openCase(db, context, notice);
    const match = matchStock(notice, balances, items);
    if (match.totals.onHand > 0) {
      const places = match.locations.map((l) => l.locationId).join(', ');
      context.inbox.post({
        id: `recall-${notice.id}`,
        kind: 'integrity',
        collectionName: 'recall_notices',
        documentId: notice.id,
        message: `Recall ${notice.number} (class ${notice.class}) arrived: ${units(match.totals.onHand)} at ${places} are blocked from issue now. Move them to quarantine with the recall sweep.`,
      });
    }
  }
  const compiled = notices.map(compileNotice);
  const itemIds = new Set(compiled.flatMap((n) => [...n.itemIds]));
  for (const item of items) if (compiled.some((n) => matchesProduct(n, item))) itemIds.add(item.id);
  if (itemIds.size === 0) return;
  // A reversal names the item and lot of the event it reverses, so these include the reversals.
  const events = (
    await db.stock_events.find({ selector: { itemId: { $in: [...itemIds] } } }).exec()
  ).map((d) => d.toMutableJSON() as StockEvent);
  for (const flags of flagIssuedLots(events, notices, items)) {
    for (const flag of flags.issuedAfterEffective) {
      context.inbox.post({
        id: `recall-issue-${flag.eventId}`,
        kind: 'integrity',
        collectionName: 'stock_events',
        documentId: flag.eventId,
        message: flag.message,
      });
    }
  }
}

async function openCase(
  db: StockroomDatabase,
  context: RecallArrivalContext,
  notice: RecallNotice,
): Promise<void> {
  const id = recallCaseId(context.facilityId, notice.id);
  if (await db.recall_cases.findOne(id).exec()) return;
  const opened: RecallCase = {
    id,
    facilityId: context.facilityId,
    noticeId: notice.id,
    step: 'received',
    history: [
      {
        step: 'received',
        at: context.now().toISOString(),
        by: `device:${context.deviceId}`.slice(0, 64),
        note: 'Received by sync',
      },
    ],
    quarantinedUnits: 0,
  };
  // Another window or the sync may have written it meanwhile: then that one stands.
  await db.recall_cases.insert(opened).catch(() => undefined);
}
