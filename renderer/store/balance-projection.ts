import type { Balance } from '../../shared/inventory/balance';
import { eventSemantics, type BalanceEffect } from '../../shared/inventory/event-effects';
import { foldLedger } from '../../shared/inventory/ledger-fold';
import type { StockEvent } from '../../shared/model';
import { REVERSAL_CHAIN_LIMIT } from '../../shared/permissions/reversal-act';
import type { RxDocument } from 'rxdb';
import type { StockroomDatabase } from './collections';
import type { BalanceDoc } from './local-schemas';

export const BALANCE_CHECKPOINT = 'balances-checkpoint';

export function balanceId(locationId: string, itemId: string, lotCode: string): string {
  return `${locationId}|${itemId}|${lotCode.trim()}`;
}

/**
 * The balance changes an event makes, as shared/inventory defines them. A reversal undoes the
 * effects of the event it names; a reversal of a reversal restores them (reversal-tree.ts), and so
 * on down the chain.
 */
export async function effectsOf(
  db: StockroomDatabase,
  event: StockEvent,
  pending: ReadonlyMap<string, StockEvent>,
): Promise<BalanceEffect[]> {
  const semantics = eventSemantics(event);
  if (!semantics.ok) return [];
  if (semantics.reverses === undefined) return semantics.effects;
  let sign = -1;
  let next: string | undefined = semantics.reverses;
  for (let depth = 0; next !== undefined && depth < REVERSAL_CHAIN_LIMIT; depth += 1) {
    const target =
      pending.get(next) ?? (await db.stock_events.findOne(next).exec())?.toMutableJSON();
    if (!target) return [];
    const link = eventSemantics(target);
    if (!link.ok) return [];
    if (link.reverses === undefined) {
      return link.effects.map((e) => ({
        ...e,
        onHand: sign * e.onHand,
        quarantined: sign * e.quarantined,
      }));
    }
    sign = -sign;
    next = link.reverses;
  }
  return [];
}

/** Every stored balance of one lot, wherever it lies; the stored documents are kept for the write. */
async function lotBalances(
  db: StockroomDatabase,
  itemId: string,
  lotCode: string,
  touched: Map<string, BalanceDoc>,
  stored: Map<string, RxDocument<BalanceDoc>>,
): Promise<BalanceDoc[]> {
  const found = await db.balances.find({ selector: { itemId, lotCode } }).exec();
  const byId = new Map<string, BalanceDoc>();
  for (const doc of found) {
    // The first read is the one the plan builds on: a later, newer one must not hide it.
    if (!stored.has(doc.primary)) stored.set(doc.primary, doc);
    byId.set(doc.primary, doc.toMutableJSON());
  }
  for (const doc of touched.values()) {
    if (doc.itemId === itemId && doc.lotCode === lotCode) byId.set(doc.id, doc);
  }
  return [...byId.values()];
}

/**
 * New balances are inserted and stored ones replaced through their documents: one IndexedDB
 * transaction each in the usual case. (bulkUpsert would first try to insert every document, fail
 * on the stored ones and write them in a second transaction.) Only the ledger writer, under its
 * lock, writes balances, so the stored documents read above are still the latest.
 */
async function writeBalances(
  db: StockroomDatabase,
  docs: readonly BalanceDoc[],
  stored: ReadonlyMap<string, RxDocument<BalanceDoc>>,
): Promise<void> {
  const inserts = docs.filter((d) => !stored.has(d.id));
  await Promise.all([
    inserts.length > 0 ? db.balances.bulkInsert(inserts) : undefined,
    ...docs.flatMap((d) => {
      const current = stored.get(d.id);
      return current ? [current.incrementalModify(() => d)] : [];
    }),
  ]).then(([inserted]) => {
    const failed = inserted?.error[0];
    if (failed)
      throw new Error(`Balance ${failed.documentId} could not be saved (${failed.status}).`);
  });
}

/**
 * Applies events, in the order they happened, to the stored balances they touch. Effects come from
 * shared/inventory; like its fold, the expiry of a lot is the latest one a label showed, and it
 * applies to every balance of that lot.
 */
export async function projectEvents(
  db: StockroomDatabase,
  events: readonly StockEvent[],
): Promise<BalanceDoc[]> {
  const projection = await planProjection(db, events);
  await projection.write();
  return projection.docs;
}

/** The balances some events will leave, read and computed but not yet written. */
export interface BalanceProjection {
  docs: BalanceDoc[];
  /**
   * The revision of every balance the plan read or writes, as this window's RxDB knew it; null
   * where it knew none. The joint write refuses to store the plan if IndexedDB holds another.
   */
  plannedFrom: ReadonlyMap<string, string | null>;
  write(): Promise<void>;
}

/**
 * Reads what projecting `events` needs and computes the new balances, writing nothing: the ledger
 * writer plans before it stores the events, so the balances transaction follows the events
 * transaction at once. The events need not be stored yet (a reversal of one of them is found among
 * them).
 */
export async function planProjection(
  db: StockroomDatabase,
  events: readonly StockEvent[],
): Promise<BalanceProjection> {
  const touched = new Map<string, BalanceDoc>();
  const stored = new Map<string, RxDocument<BalanceDoc>>();
  const byId = new Map(events.map((e) => [e.id, e]));
  for (const event of events) {
    const effects = await effectsOf(db, event, byId);
    if (effects.length === 0) continue;
    const lotCode = event.lotCode.trim();
    const lot = await lotBalances(db, event.itemId, lotCode, touched, stored);
    const expiry = event.expiry ?? lot.find((b) => b.expiry !== undefined)?.expiry;
    for (const effect of effects) {
      const id = balanceId(effect.locationId, effect.itemId, effect.lotCode);
      const current = touched.get(id) ?? lot.find((b) => b.id === id);
      const next: BalanceDoc = {
        id,
        locationId: effect.locationId,
        itemId: effect.itemId,
        lotCode: effect.lotCode,
        onHand: (current?.onHand ?? 0) + effect.onHand,
        quarantined: (current?.quarantined ?? 0) + effect.quarantined,
        lastEventId: event.id,
        lastOccurredAt: event.occurredAt,
        ...(expiry !== undefined ? { expiry } : {}),
      };
      touched.set(id, next);
    }
    if (event.expiry !== undefined) {
      for (const other of lot) {
        const latest = touched.get(other.id) ?? other;
        if (latest.expiry !== event.expiry)
          touched.set(other.id, { ...latest, expiry: event.expiry });
      }
    }
  }
  const docs = [...touched.values()];
  const plannedFrom = new Map<string, string | null>();
  for (const [id, doc] of stored) plannedFrom.set(id, doc.revision);
  for (const doc of docs) if (!stored.has(doc.id)) plannedFrom.set(doc.id, null);
  return {
    docs,
    plannedFrom,
    write: () => (docs.length > 0 ? writeBalances(db, docs, stored) : Promise.resolve()),
  };
}

export interface LotRef {
  itemId: string;
  lotCode: string;
}

/**
 * Sets the stored balances of each lot to the fold of all its events. Unlike projectEvents this can
 * run any number of times over the same events with the same result, which is what recovery needs:
 * after a window closed between saving balances and saving the checkpoint, nobody can tell which
 * of the missed events the stored balances already hold.
 */
export async function refoldLots(db: StockroomDatabase, lots: Iterable<LotRef>): Promise<void> {
  const seen = new Set<string>();
  for (const lot of lots) {
    const lotCode = lot.lotCode.trim();
    const key = `${lot.itemId}|${lotCode}`;
    if (seen.has(key)) continue;
    seen.add(key);
    // Events keep the lot as the label spelled it; balances use the trimmed code.
    const spellings = [...new Set([lot.lotCode, lotCode])];
    const events = await db.stock_events
      .find({ selector: { itemId: lot.itemId, lotCode: { $in: spellings } } })
      .exec();
    const fold = foldLedger(events.map((d) => d.toMutableJSON()));
    const next: BalanceDoc[] = [];
    for (const balance of fold.balances.values()) {
      if (balance.itemId !== lot.itemId || balance.lotCode !== lotCode) continue;
      next.push({ ...balance, id: balanceId(balance.locationId, balance.itemId, lotCode) });
    }
    const stored = await db.balances.find({ selector: { itemId: lot.itemId, lotCode } }).exec();
    const keep = new Set(next.map((d) => d.id));
    const gone = stored.map((d) => d.primary).filter((id) => !keep.has(id));
    if (next.length > 0) await db.balances.bulkUpsert(next);
    if (gone.length > 0) await db.balances.bulkRemove(gone);
  }
}

/** The balances as the shared Balance shape (without the storage id). */
export function asBalance({ id: _id, ...balance }: BalanceDoc): Balance {
  return balance;
}
