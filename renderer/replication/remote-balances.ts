import { getChangedDocumentsSince } from 'rxdb';
import type { Subscription } from 'rxjs';
import { foldLedger } from '../../shared/inventory/ledger-fold';
import type { StockEvent } from '../../shared/model';
import { asBalance, balanceId } from '../store/balance-projection';
import type { StockroomDatabase } from '../store/collections';
import { withLedgerLock } from '../store/ledger-lock';
import type { BalanceDoc } from '../store/local-schemas';
import { sameDocument } from './same-document';

const CHECKPOINT = 'remote-balances-checkpoint';
const BATCH = 500;

type LotRef = { itemId: string; lotCode: string };

/**
 * Keeps the balances projection right when other PCs' events arrive by sync. This PC's own events
 * are projected by the ledger writer as they are made; an event from elsewhere can arrive in any
 * order (a reversal before the event it reverses, a count before the movements it saw), so each
 * lot it touches is folded again from its events with shared/inventory's fold — the same answer
 * whatever the arrival order, and harmless to repeat. The position in the local change feed is
 * saved after each batch, so a window closed mid-way picks up where it stopped.
 */
export function projectRemoteEvents(
  db: StockroomDatabase,
  deviceId: string,
): { subscription: Subscription; idle(): Promise<void> } {
  let running: Promise<void> = Promise.resolve();
  let queued = false;
  const run = () => {
    if (queued) return;
    queued = true;
    running = running
      .then(() => {
        queued = false;
        return catchUp(db, deviceId);
      })
      // A closed database at shutdown: the saved position makes the next start redo the batch.
      .catch(() => undefined);
  };
  const subscription = db.stock_events.eventBulks$.subscribe(run);
  run();
  return { subscription, idle: () => running };
}

async function catchUp(db: StockroomDatabase, deviceId: string): Promise<void> {
  for (;;) {
    const saved = await db.getLocal<{ checkpoint: unknown }>(CHECKPOINT);
    const checkpoint = saved?.get('checkpoint') as unknown;
    const changes = await getChangedDocumentsSince(
      db.stock_events.storageInstance,
      BATCH,
      checkpoint as never,
    );
    if (changes.documents.length === 0) return;
    const lots = new Map<string, LotRef>();
    for (const doc of changes.documents) {
      const event = doc as unknown as StockEvent;
      if (event.deviceId === deviceId) continue;
      lots.set(`${event.itemId}|${event.lotCode.trim()}`, {
        itemId: event.itemId,
        lotCode: event.lotCode,
      });
    }
    // Only this PC's own events (projected as written): no need to take the lock from a writer.
    if (lots.size > 0)
      await withLedgerLock(async () => {
        for (const lot of lots.values()) await refoldLot(db, lot);
      });
    await db.upsertLocal(CHECKPOINT, { checkpoint: changes.checkpoint });
    if (changes.documents.length < BATCH) return;
  }
}

async function refoldLot(db: StockroomDatabase, lot: LotRef): Promise<void> {
  const trimmed = lot.lotCode.trim();
  const spellings = [...new Set([lot.lotCode, trimmed])];
  const events = await db.stock_events
    .find({ selector: { itemId: lot.itemId, lotCode: { $in: spellings } } })
    .exec();
  const fold = foldLedger(events.map((d) => d.toMutableJSON() as StockEvent));
  const next = new Map<string, BalanceDoc>();
  for (const balance of fold.balances.values()) {
    if (balance.itemId !== lot.itemId || balance.lotCode !== trimmed) continue;
    const id = balanceId(balance.locationId, balance.itemId, balance.lotCode);
    next.set(id, { ...balance, id });
  }
  const stored = await db.balances
    .find({ selector: { itemId: lot.itemId, lotCode: trimmed } })
    .exec();
  const gone = stored.filter((d) => !next.has(d.primary)).map((d) => d.primary);
  const changed = [...next.values()].filter((doc) => {
    const current = stored.find((d) => d.primary === doc.id);
    return !current || !sameDocument(asBalance(current.toMutableJSON()), asBalance(doc));
  });
  if (changed.length > 0) await db.balances.bulkUpsert(changed);
  if (gone.length > 0) await db.balances.bulkRemove(gone);
}
