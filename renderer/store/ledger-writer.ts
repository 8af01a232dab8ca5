import { countApprovalNeed } from '../../shared/inventory/adjustment-approval';
import { validateStockEvent } from '../../shared/inventory/event-validation';
import type { IsRecalled } from '../../shared/inventory/availability';
import { documentValidator, type StockEvent } from '../../shared/model';
import { randomId } from '../platform/random-id';
import {
  BALANCE_CHECKPOINT,
  asBalance,
  balanceId,
  planProjection,
  refoldLots,
} from './balance-projection';
import type { StockroomDatabase } from './collections';
import { lastDeviceSeq, withLedgerLock } from './device-sequence';
import type { BalanceDoc } from './local-schemas';

/** What a screen fills in; the writer adds identity, sequence, actor and time. */
export type EventDraft = Omit<
  StockEvent,
  'id' | 'facilityId' | 'deviceId' | 'deviceSeq' | 'actorId' | 'occurredAt'
>;

export interface WriterContext {
  facilityId: string;
  deviceId: string;
  actorId: string;
  /** Device time, injected so tests can fix it. */
  now: () => Date;
  /** The facility's calendar day, YYYY-MM-DD. */
  today: string;
  isRecalled?: IsRecalled;
  /** The person saw the warnings and confirmed. */
  acceptWarnings?: boolean;
}

export type RecordResult =
  | { ok: true; events: StockEvent[]; balances: BalanceDoc[] }
  | { ok: false; problems: { code: string; message: string; severity: 'error' | 'warning' }[] };

/**
 * Writes stock events and keeps the balances projection up to date. Everything is checked before
 * anything is written: a rejected draft leaves neither events nor balances behind.
 */
export function recordEvents(
  db: StockroomDatabase,
  context: WriterContext,
  drafts: readonly EventDraft[],
): Promise<RecordResult> {
  return new Promise<RecordResult>((resolve, reject) => {
    withLedgerLock(async () => {
      const [last, stored] = await Promise.all([
        lastDeviceSeq(db, context.deviceId),
        Promise.all(
          drafts.map((d) =>
            db.balances.findOne(balanceId(d.locationId, d.itemId, d.lotCode)).exec(),
          ),
        ),
      ]);
      let seq = last;
      const occurredAt = context.now().toISOString();
      const events: StockEvent[] = drafts.map((draft) => ({
        ...draft,
        id: randomId('evt'),
        facilityId: context.facilityId,
        deviceId: context.deviceId,
        deviceSeq: (seq += 1),
        actorId: context.actorId,
        occurredAt,
      }));
      const problems = events.flatMap((event, at) => {
        const balance = stored[at];
        return eventProblems(
          event,
          balance ? asBalance(balance.toMutableJSON()) : undefined,
          context,
        );
      });
      const blocking = problems.filter(
        (p) => p.severity === 'error' || (p.severity === 'warning' && !context.acceptWarnings),
      );
      if (blocking.length > 0) {
        resolve({ ok: false, problems: blocking });
        return;
      }
      const projection = await planProjection(db, events);
      const inserted = await db.stock_events.bulkInsert(events);
      const refused = inserted.error[0];
      if (refused) {
        // Balances are never projected from events that were not stored; start-up refolds any saved ones.
        throw new Error(
          `Stock event ${refused.documentId} could not be saved (${refused.status}). Balances were left as they were; restart the app to reconcile them with the events that were saved, then record it again.`,
        );
      }
      await projection.write();
      const balances = projection.docs;
      // Events and balances are durable: the person can go on. The checkpoint only tells start-up
      // where to resume, and the lock stays held until it is saved, so the next write sees it.
      resolve({ ok: true, events, balances });
      await db.upsertLocal(BALANCE_CHECKPOINT, { deviceSeq: seq }).catch((error: unknown) => {
        // Harmless to lose: start-up refolds the lots of events after the last saved checkpoint.
        console.warn('The balances checkpoint was not saved; start-up will refold.', error);
      });
    }).catch(reject);
  });
}

type Problem = { code: string; message: string; severity: 'error' | 'warning' };

function eventProblems(
  event: StockEvent,
  balance: ReturnType<typeof asBalance> | undefined,
  context: WriterContext,
): Problem[] {
  const schema = documentValidator('stock_events').validate(event);
  if (!schema.ok)
    return schema.errors.map((e) => ({
      code: 'invalid-event',
      message: e.message,
      severity: 'error' as const,
    }));
  return [
    ...validateStockEvent(event, {
      ...(balance ? { balance } : {}),
      ledgerRead: true,
      today: context.today,
      ...(context.isRecalled ? { isRecalled: context.isRecalled } : {}),
    }).map(({ code, message, severity }) => ({ code, message, severity })),
    ...countApprovalProblems(event),
  ];
}

/**
 * The count screen asks a supervisor's PIN for a count outside tolerance; the writer refuses such a
 * count without a second person too, so no other path can change the stock on one person's word.
 */
function countApprovalProblems(event: StockEvent): Problem[] {
  if (event.type !== 'count' || event.countedQuantity === undefined) return [];
  const { needed } = countApprovalNeed({
    locationId: event.locationId,
    itemId: event.itemId,
    lotCode: event.lotCode,
    countedQuantity: event.countedQuantity,
    expectedQuantity: event.expectedQuantity ?? 0,
  });
  if (!needed || (event.approvedBy !== undefined && event.approvedBy !== event.actorId)) return [];
  return [
    {
      code: 'count-needs-approval',
      message:
        event.approvedBy === event.actorId
          ? 'You counted this lot, so you cannot approve its adjustment. Ask a supervisor to approve it with their own PIN.'
          : 'This count is outside the tolerance. A supervisor must approve it with their PIN before it changes the stock.',
      severity: 'error',
    },
  ];
}

/**
 * Start-up catch-up: if the window closed after writing events but before saving the checkpoint,
 * the balances may or may not already hold those events (they are saved in between). The lots they
 * touch are folded again from their whole history, so the answer is the same either way. Normally
 * there are none, so start-up reads no ledger.
 */
export async function catchUpBalances(db: StockroomDatabase, deviceId: string): Promise<number> {
  return withLedgerLock(async () => {
    const checkpoint = await db.getLocal<{ deviceSeq: number }>(BALANCE_CHECKPOINT);
    const from = checkpoint?.get('deviceSeq') ?? 0;
    const missed = await db.stock_events
      .find({
        selector: { deviceId, deviceSeq: { $gt: from } },
        sort: [{ deviceId: 'asc' }, { deviceSeq: 'asc' }],
      })
      .exec();
    if (missed.length === 0) return 0;
    await refoldLots(
      db,
      missed.map((d) => ({ itemId: d.itemId, lotCode: d.lotCode })),
    );
    await db.upsertLocal(BALANCE_CHECKPOINT, { deviceSeq: missed.at(-1)?.deviceSeq ?? from });
    return missed.length;
  });
}
