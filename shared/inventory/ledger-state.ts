import { lotKey } from '../model';
import type { StockEvent } from '../model';
import type { Balance } from './balance';
import { parseIsoDate } from './calendar';
import { compareByInstant, instantOf } from './canonical-order';
import { type EventSemantics, eventSemantics } from './event-effects';
import { type LedgerAnomaly, expiryUnreadable, unusableEvent } from './ledger-anomaly';

/** An event as the ledger keeps it: with its instant and meaning worked out once. */
export interface StoredEvent {
  event: StockEvent;
  instant: number;
  semantics: EventSemantics;
  /** Key-sorted JSON, worked out only when an id arrives twice (see `contentOf`). */
  content?: string;
}

/**
 * The projection kept between events. Owned by its caller and updated in place by `applyEvent`
 * (copying maps of a year's ledger on every scan would cost more than the scan). It holds every
 * event, so any balance can be refolded when an event arrives out of order.
 */
export interface LedgerState {
  balances: Map<string, Balance>;
  events: Map<string, StoredEvent>;
  /** Other contents seen under an id that is in `events` (integrity alarm). */
  variants: Map<string, Set<string>>;
  /** Usable non-reversal events per balance key, in canonical order. */
  byBalance: Map<string, StoredEvent[]>;
  /** Usable reversals per id they name (known or not yet), in canonical order. */
  reversalsOf: Map<string, StoredEvent[]>;
  /** Usable non-reversal events that carry a readable expiry, per lot key, in canonical order. */
  expiryByLot: Map<string, StoredEvent[]>;
  /** How many of those carry each expiry: one value means no conflict is possible. */
  expiryValues: Map<string, Map<string, number>>;
  balanceKeysByLot: Map<string, Set<string>>;
  lotExpiry: Map<string, string>;
  /** Reversals whose target has not arrived. */
  pendingReversals: Set<string>;
  /** Reversal loops, keyed by their smallest member id. */
  cycles: Map<string, string[]>;
  eventAnomalies: Map<string, LedgerAnomaly[]>;
  countAnomalies: Map<string, LedgerAnomaly[]>;
  treeAnomalies: Map<string, LedgerAnomaly[]>;
  lotAnomalies: Map<string, LedgerAnomaly[]>;
}

export function createLedgerState(): LedgerState {
  return {
    balances: new Map(),
    events: new Map(),
    variants: new Map(),
    byBalance: new Map(),
    reversalsOf: new Map(),
    expiryByLot: new Map(),
    expiryValues: new Map(),
    balanceKeysByLot: new Map(),
    lotExpiry: new Map(),
    pendingReversals: new Set(),
    cycles: new Map(),
    eventAnomalies: new Map(),
    countAnomalies: new Map(),
    treeAnomalies: new Map(),
    lotAnomalies: new Map(),
  };
}

/** Tells a harmless re-delivery from a different event under the same id. */
export function contentOf(stored: StoredEvent): string {
  if (stored.content !== undefined) return stored.content;
  const entries = Object.entries(stored.event)
    .filter(([, value]) => value !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  stored.content = JSON.stringify(entries);
  return stored.content;
}

export function storeEvent(event: StockEvent): StoredEvent {
  return {
    event,
    instant: instantOf(event.occurredAt),
    semantics: eventSemantics(event),
  };
}

export function compareStored(a: StoredEvent, b: StoredEvent): number {
  return compareByInstant(a.instant, a.event, b.instant, b.event);
}

/** Which of two contents under one id the ledger keeps: the same answer on every PC. */
export function preferred(a: StoredEvent, b: StoredEvent): StoredEvent {
  const order = compareStored(a, b);
  if (order !== 0) return order < 0 ? a : b;
  return contentOf(a) <= contentOf(b) ? a : b;
}

function insertSorted(list: StoredEvent[], item: StoredEvent): void {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    const other = list[mid];
    if (other && compareStored(other, item) < 0) low = mid + 1;
    else high = mid;
  }
  list.splice(low, 0, item);
}

function addTo<K>(map: Map<K, StoredEvent[]>, key: K, item: StoredEvent, sorted: boolean): void {
  const list = map.get(key);
  if (!list) map.set(key, [item]);
  else if (sorted) insertSorted(list, item);
  else list.push(item);
}

function removeFrom<K>(map: Map<K, StoredEvent[]>, key: K, item: StoredEvent): void {
  const list = map.get(key);
  if (!list) return;
  const rest = list.filter((s) => s !== item);
  if (rest.length > 0) map.set(key, rest);
  else map.delete(key);
}

function countExpiry(state: LedgerState, lot: string, expiry: string, change: number): void {
  const values = state.expiryValues.get(lot) ?? new Map<string, number>();
  const count = (values.get(expiry) ?? 0) + change;
  if (count > 0) values.set(expiry, count);
  else values.delete(expiry);
  if (values.size > 0) state.expiryValues.set(lot, values);
  else state.expiryValues.delete(lot);
}

export function lotKeyOf(event: StockEvent): string {
  return lotKey(event.itemId, event.lotCode);
}

/**
 * Adds an event to the indexes. `sorted: false` appends (a batch fold sorts every list once after);
 * `true` inserts in canonical order.
 */
export function indexEvent(state: LedgerState, stored: StoredEvent, sorted: boolean): void {
  const { event, semantics } = stored;
  state.events.set(event.id, stored);
  for (const reversal of state.reversalsOf.get(event.id) ?? []) {
    state.pendingReversals.delete(reversal.event.id);
  }
  if (!semantics.ok) {
    state.eventAnomalies.set(event.id, [
      unusableEvent(event, semantics.problem.code, semantics.problem.message),
    ]);
    return;
  }
  if (semantics.reverses !== undefined) {
    addTo(state.reversalsOf, semantics.reverses, stored, sorted);
    if (!state.events.has(semantics.reverses)) state.pendingReversals.add(event.id);
    return;
  }
  for (const effect of semantics.effects) {
    addTo(state.byBalance, effect.key, stored, sorted);
    const lot = lotKeyOf(event);
    const keys = state.balanceKeysByLot.get(lot) ?? new Set<string>();
    keys.add(effect.key);
    state.balanceKeysByLot.set(lot, keys);
  }
  if (event.expiry !== undefined) {
    if (parseIsoDate(event.expiry) !== undefined) {
      const lot = lotKeyOf(event);
      addTo(state.expiryByLot, lot, stored, sorted);
      countExpiry(state, lot, event.expiry, 1);
    } else {
      state.eventAnomalies.set(event.id, [expiryUnreadable(event)]);
    }
  }
}

/** Takes an event out of the indexes again (only when a preferred content replaces it). */
export function unindexEvent(state: LedgerState, stored: StoredEvent): void {
  const { event, semantics } = stored;
  state.events.delete(event.id);
  state.eventAnomalies.delete(event.id);
  for (const reversal of state.reversalsOf.get(event.id) ?? []) {
    state.pendingReversals.add(reversal.event.id);
  }
  if (!semantics.ok) return;
  if (semantics.reverses !== undefined) {
    removeFrom(state.reversalsOf, semantics.reverses, stored);
    state.pendingReversals.delete(event.id);
    for (const [id, members] of state.cycles) {
      if (members.includes(event.id)) state.cycles.delete(id);
    }
    return;
  }
  const lot = lotKeyOf(event);
  for (const effect of semantics.effects) {
    removeFrom(state.byBalance, effect.key, stored);
    if (!state.byBalance.has(effect.key)) state.balanceKeysByLot.get(lot)?.delete(effect.key);
  }
  if (state.balanceKeysByLot.get(lot)?.size === 0) state.balanceKeysByLot.delete(lot);
  if (state.expiryByLot.get(lot)?.includes(stored)) {
    removeFrom(state.expiryByLot, lot, stored);
    countExpiry(state, lot, event.expiry ?? '', -1);
  }
}

/** Puts every index list in canonical order after a batch of unsorted `indexEvent` calls. */
export function sortIndexes(state: LedgerState): void {
  for (const map of [state.byBalance, state.reversalsOf, state.expiryByLot]) {
    for (const list of map.values()) list.sort(compareStored);
  }
}
