import { validateStockEvent } from '../../shared/inventory/event-validation';
import type { IsRecalled } from '../../shared/inventory/availability';
import { documentValidator, type StockEvent } from '../../shared/model';
import { randomId } from '../platform/random-id';
import {
  BALANCE_CHECKPOINT,
  asBalance,
  balanceId,
  projectEvents,
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
  return withLedgerLock(async () => {
    let seq = await lastDeviceSeq(db, context.deviceId);
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
    const problems: { code: string; message: string; severity: 'error' | 'warning' }[] = [];
    for (const event of events) {
      const schema = documentValidator('stock_events').validate(event);
      if (!schema.ok) {
        problems.push(
          ...schema.errors.map((e) => ({
            code: 'invalid-event',
            message: e.message,
            severity: 'error' as const,
          })),
        );
        continue;
      }
      const stored = await db.balances
        .findOne(balanceId(event.locationId, event.itemId, event.lotCode))
        .exec();
      problems.push(
        ...validateStockEvent(event, {
          ...(stored ? { balance: asBalance(stored.toMutableJSON()) } : {}),
          today: context.today,
          ...(context.isRecalled ? { isRecalled: context.isRecalled } : {}),
        }),
      );
    }
    const blocking = problems.filter(
      (p) => p.severity === 'error' || (p.severity === 'warning' && !context.acceptWarnings),
    );
    if (blocking.length > 0) {
      return {
        ok: false,
        problems: blocking.map(({ code, message, severity }) => ({ code, message, severity })),
      };
    }
    await db.stock_events.bulkInsert(events);
    const balances = await projectEvents(db, events);
    await db.upsertLocal(BALANCE_CHECKPOINT, { deviceSeq: seq });
    return { ok: true, events, balances };
  });
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
