import { eventSemantics } from '../inventory/event-effects';
import type { StockEvent } from '../model';
import { itemLocationKey } from './item-location';
import type { LedgerDigest } from './ledger-digest';

/** Change in available units per item-location and day (days since 1970-01-01). */
export type AvailabilityChanges = Map<string, Map<number, number>>;

/**
 * What a movement does to the units available per item-location (on hand less quarantined, every
 * lot together), as the ledger's own effects say (event-effects.ts); nothing for a reversal, whose
 * effect is the event it names, nor for an event the ledger cannot use.
 */
export function availabilityEffect(event: StockEvent): Map<string, number> {
  const change = new Map<string, number>();
  const semantics = eventSemantics(event);
  if (!semantics.ok) return change;
  for (const effect of semantics.effects) {
    const key = itemLocationKey(effect.locationId, effect.itemId);
    change.set(key, (change.get(key) ?? 0) + effect.onHand - effect.quarantined);
  }
  return change;
}

export function addChange(
  changes: AvailabilityChanges,
  key: string,
  day: number,
  units: number,
): void {
  if (units === 0) return;
  const days = changes.get(key) ?? new Map<number, number>();
  const total = (days.get(day) ?? 0) + units;
  if (total === 0) days.delete(day);
  else days.set(day, total);
  if (days.size > 0) changes.set(key, days);
  else changes.delete(key);
}

/** Adds (or with -1 takes back) a held event's effect, taken as not reversed. */
export function addAvailability(
  changes: AvailabilityChanges,
  event: StockEvent,
  day: number,
  sign: 1 | -1,
): void {
  for (const [key, units] of availabilityEffect(event)) addChange(changes, key, day, sign * units);
}

/** Holds an event of a reversal tree; a reversal also notes the id it names. */
export function linkEvent(digest: LedgerDigest, event: StockEvent): void {
  digest.linked.set(event.id, event);
  if (event.type !== 'reversal' || event.reverses === undefined) return;
  const named = digest.reversalsOf.get(event.reverses) ?? new Set<string>();
  named.add(event.id);
  digest.reversalsOf.set(event.reverses, named);
}

export function unlinkEvent(digest: LedgerDigest, event: StockEvent): void {
  const held = digest.linked.get(event.id);
  if (!held) return;
  digest.linked.delete(event.id);
  if (held.type !== 'reversal' || held.reverses === undefined) return;
  const named = digest.reversalsOf.get(held.reverses);
  named?.delete(event.id);
  if (named?.size === 0) digest.reversalsOf.delete(held.reverses);
}
