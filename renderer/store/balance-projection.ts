import type { Balance } from '../../shared/inventory/balance';
import { eventSemantics, type BalanceEffect } from '../../shared/inventory/event-effects';
import type { StockEvent } from '../../shared/model';
import type { StockroomDatabase } from './collections';
import type { BalanceDoc } from './local-schemas';

export const BALANCE_CHECKPOINT = 'balances-checkpoint';

export function balanceId(locationId: string, itemId: string, lotCode: string): string {
  return `${locationId}|${itemId}|${lotCode.trim()}`;
}

/**
 * The balance changes an event makes, as shared/inventory defines them. A reversal undoes the
 * effects of the event it names.
 */
export async function effectsOf(
  db: StockroomDatabase,
  event: StockEvent,
  pending: ReadonlyMap<string, StockEvent>,
): Promise<BalanceEffect[]> {
  const semantics = eventSemantics(event);
  if (!semantics.ok) return [];
  if (semantics.reverses === undefined) return semantics.effects;
  const target =
    pending.get(semantics.reverses) ??
    (await db.stock_events.findOne(semantics.reverses).exec())?.toMutableJSON();
  if (!target) return [];
  const undone = eventSemantics(target);
  if (!undone.ok || undone.reverses !== undefined) return [];
  return undone.effects.map((e) => ({ ...e, onHand: -e.onHand, quarantined: -e.quarantined }));
}

/** Applies events, in order, to the stored balances they touch. */
export async function projectEvents(
  db: StockroomDatabase,
  events: readonly StockEvent[],
): Promise<BalanceDoc[]> {
  const touched = new Map<string, BalanceDoc>();
  const byId = new Map(events.map((e) => [e.id, e]));
  for (const event of events) {
    for (const effect of await effectsOf(db, event, byId)) {
      const id = balanceId(effect.locationId, effect.itemId, effect.lotCode);
      const current =
        touched.get(id) ??
        ((await db.balances.findOne(id).exec())?.toMutableJSON() as BalanceDoc | undefined);
      const next: BalanceDoc = {
        id,
        locationId: effect.locationId,
        itemId: effect.itemId,
        lotCode: effect.lotCode,
        onHand: (current?.onHand ?? 0) + effect.onHand,
        quarantined: (current?.quarantined ?? 0) + effect.quarantined,
        lastEventId: event.id,
        lastOccurredAt: event.occurredAt,
      };
      const expiry = event.expiry ?? current?.expiry;
      if (expiry !== undefined) next.expiry = expiry;
      touched.set(id, next);
    }
  }
  const docs = [...touched.values()];
  if (docs.length > 0) await db.balances.bulkUpsert(docs);
  return docs;
}

/** The balances as the shared Balance shape (without the storage id). */
export function asBalance({ id: _id, ...balance }: BalanceDoc): Balance {
  return balance;
}
