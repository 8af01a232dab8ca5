import type { StockEvent } from '../model';
import type { Balance } from './balance';
import {
  type LedgerAnomaly,
  compareAnomalies,
  conflictingDuplicate,
  countBasisDiffers,
  negativeOnHand,
  quarantineOutOfRange,
  reversalCycle,
  reversalTargetUnknown,
} from './ledger-anomaly';
import {
  type LedgerState,
  type StoredEvent,
  compareStored,
  contentOf,
  createLedgerState,
  indexEvent,
  lotKeyOf,
  preferred,
  sortIndexes,
  storeEvent,
  unindexEvent,
} from './ledger-state';
import { makeBalance, refoldBalance, refoldLot, refoldTree } from './ledger-refold';
import { findRoot } from './reversal-tree';
import { isCountApproval } from './count-review';

/**
 * The ledger fold: on-hand per (location, item, lot) from the stock events.
 *
 * Every effect is a signed addition (a count adds counted − expected), so the final on-hand and
 * quarantined figures do not depend on order at all. What does depend on order — the ledger a
 * count is compared with, the last event of a balance, the latest expiry seen — is defined on the
 * canonical order (canonical-order.ts), so any arrival order gives the same balances and anomalies.
 */

export interface LedgerFold {
  balances: Map<string, Balance>;
  anomalies: LedgerAnomaly[];
  /** Keep it to apply later events with `applyEvent` instead of folding again. */
  state: LedgerState;
}

interface Touched {
  keys: Set<string>;
  lots: Set<string>;
  roots: Set<string>;
}

const nothingTouched = (): Touched => ({ keys: new Set(), lots: new Set(), roots: new Set() });

/** The balances, lots and reversal trees whose result an event can change. */
function touchedBy(state: LedgerState, stored: StoredEvent, into: Touched): void {
  const { semantics } = stored;
  if (!semantics.ok) return;
  let movement = stored;
  if (semantics.reverses !== undefined) {
    const found = findRoot(state, stored);
    if (found.kind === 'cycle') {
      const members = [...found.members].sort();
      state.cycles.set(members[0] ?? stored.event.id, members);
    }
    if (found.kind !== 'root') return;
    movement = found.root;
  }
  if (!movement.semantics.ok) return;
  for (const effect of movement.semantics.effects) into.keys.add(effect.key);
  into.lots.add(lotKeyOf(movement.event));
  into.roots.add(movement.event.id);
}

function refold(state: LedgerState, touched: Touched): string[] {
  const changed = new Set(touched.keys);
  for (const lot of touched.lots) for (const key of refoldLot(state, lot)) changed.add(key);
  for (const key of touched.keys) refoldBalance(state, key);
  for (const root of touched.roots) refoldTree(state, root);
  return [...changed].sort();
}

export function foldLedger(events: Iterable<StockEvent>): LedgerFold {
  const state = createLedgerState();
  const kept = new Map<string, StoredEvent>();
  for (const event of events) {
    const incoming = storeEvent(event);
    const existing = kept.get(event.id);
    if (existing && contentOf(existing) !== contentOf(incoming)) {
      const variants = state.variants.get(event.id) ?? new Set([contentOf(existing)]);
      variants.add(contentOf(incoming));
      state.variants.set(event.id, variants);
    }
    kept.set(event.id, existing ? preferred(existing, incoming) : incoming);
  }
  for (const stored of kept.values()) indexEvent(state, stored, false);
  sortIndexes(state);
  const touched = nothingTouched();
  for (const stored of kept.values()) touchedBy(state, stored, touched);
  refold(state, touched);
  return { balances: state.balances, anomalies: ledgerAnomalies(state), state };
}

export type ApplyOutcome =
  /** New event, folded in. */
  | 'applied'
  /** Same id, same content: a re-delivery, nothing to do. */
  | 'already-known'
  /** Same id, other content, and the ledger prefers it: it replaced the one held. */
  | 'replaced'
  /** Same id, other content, and the ledger keeps the one it holds. */
  | 'kept-existing';

export interface AppliedEvent {
  outcome: ApplyOutcome;
  /** Balance keys whose Balance object was replaced or removed: what to persist or re-render. */
  changedBalanceKeys: string[];
}

/**
 * True when an appended label repeats what the lot already says: it is the lot's last label, it
 * carries the lot's expiry, and no conflict is on record. Then refolding the lot would change
 * nothing, and every scan of a lot is such a repeat.
 */
function repeatsLotExpiry(state: LedgerState, stored: StoredEvent, lot: string): boolean {
  const carriers = state.expiryByLot.get(lot);
  return (
    carriers?.at(-1) === stored &&
    state.lotExpiry.get(lot) === stored.event.expiry &&
    !state.lotAnomalies.has(lot)
  );
}

/**
 * The fast path: an event that sorts after everything its balances hold, and that no reversal
 * names yet, adds its effect. O(1) apart from the lot's expiry. Any other arrival refolds.
 */
function append(state: LedgerState, stored: StoredEvent): string[] | undefined {
  const { semantics, event } = stored;
  if (!semantics.ok || semantics.reverses !== undefined || state.reversalsOf.has(event.id)) {
    return undefined;
  }
  for (const effect of semantics.effects) {
    const balance = state.balances.get(effect.key);
    const last = balance && state.events.get(balance.lastEventId);
    if (balance && (!last || compareStored(last, stored) >= 0)) return undefined;
  }
  indexEvent(state, stored, true);
  const lot = lotKeyOf(event);
  for (const effect of semantics.effects) {
    const before = state.balances.get(effect.key);
    const onHand = before?.onHand ?? 0;
    // An approval's expected quantity is what the ledger said when it was counted, hours earlier.
    if (event.type === 'count' && !isCountApproval(event) && event.expectedQuantity !== onHand) {
      const counts = state.countAnomalies.get(effect.key) ?? [];
      counts.push(countBasisDiffers(event, onHand, effect.lotCode));
      state.countAnomalies.set(effect.key, counts);
    }
    const quarantined = (before?.quarantined ?? 0) + effect.quarantined;
    const expiry = state.lotExpiry.get(lot);
    state.balances.set(
      effect.key,
      makeBalance(effect, onHand + effect.onHand, quarantined, stored, expiry),
    );
  }
  const changed = new Set(semantics.effects.map((e) => e.key));
  if (event.expiry !== undefined && !repeatsLotExpiry(state, stored, lot)) {
    for (const key of refoldLot(state, lot)) changed.add(key);
  }
  return [...changed].sort();
}

/** Indexes an event and notes what it touches, without refolding. */
function admit(state: LedgerState, incoming: StoredEvent, touched: Touched): ApplyOutcome {
  const id = incoming.event.id;
  const existing = state.events.get(id);
  if (!existing) {
    indexEvent(state, incoming, true);
    touchedBy(state, incoming, touched);
    return 'applied';
  }
  if (contentOf(existing) === contentOf(incoming)) return 'already-known';
  const variants = state.variants.get(id) ?? new Set([contentOf(existing)]);
  variants.add(contentOf(incoming));
  state.variants.set(id, variants);
  if (preferred(existing, incoming) === existing) return 'kept-existing';
  touchedBy(state, existing, touched);
  unindexEvent(state, existing);
  indexEvent(state, incoming, true);
  touchedBy(state, incoming, touched);
  return 'replaced';
}

/**
 * Folds one more event into a state (in place). Arrival order does not matter: an event older than
 * what a balance already holds, a reversal, or the event a waiting reversal names makes the touched
 * balances refold from their own events — linear in the events of those (location, item, lot), never
 * the whole ledger. A balance with k events that receives k events in reverse order thus costs
 * O(k²): give a sync batch to `applyEvents`, which refolds each touched balance once.
 */
export function applyEvent(state: LedgerState, event: StockEvent): AppliedEvent {
  const incoming = storeEvent(event);
  if (!state.events.has(event.id)) {
    const appended = append(state, incoming);
    if (appended) return { outcome: 'applied', changedBalanceKeys: appended };
  }
  const touched = nothingTouched();
  const outcome = admit(state, incoming, touched);
  return { outcome, changedBalanceKeys: refold(state, touched) };
}

/** Folds a batch (a sync pull) into a state, refolding each touched balance once. */
export function applyEvents(
  state: LedgerState,
  events: Iterable<StockEvent>,
): { outcomes: ApplyOutcome[]; changedBalanceKeys: string[] } {
  const touched = nothingTouched();
  const outcomes = [...events].map((event) => admit(state, storeEvent(event), touched));
  return { outcomes, changedBalanceKeys: refold(state, touched) };
}

/** Everything the ledger wants a person to look at, in a stable order. */
export function ledgerAnomalies(state: LedgerState): LedgerAnomaly[] {
  const found: LedgerAnomaly[] = [];
  for (const list of state.eventAnomalies.values()) found.push(...list);
  for (const list of state.countAnomalies.values()) found.push(...list);
  for (const list of state.treeAnomalies.values()) found.push(...list);
  for (const list of state.lotAnomalies.values()) found.push(...list);
  for (const id of state.pendingReversals) {
    const stored = state.events.get(id);
    if (stored) found.push(reversalTargetUnknown(stored.event));
  }
  for (const members of state.cycles.values()) found.push(reversalCycle(members));
  for (const [id, variants] of state.variants) found.push(conflictingDuplicate(id, variants.size));
  for (const balance of state.balances.values()) {
    if (balance.onHand < 0) found.push(negativeOnHand(balance));
    if (balance.quarantined < 0 || balance.quarantined > Math.max(balance.onHand, 0)) {
      found.push(quarantineOutOfRange(balance));
    }
  }
  return found.sort(compareAnomalies);
}
