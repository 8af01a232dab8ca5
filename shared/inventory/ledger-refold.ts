import { lotKey } from '../model';
import type { Balance } from './balance';
import type { BalanceEffect } from './event-effects';
import { type LedgerAnomaly, countBasisDiffers, expiryConflict } from './ledger-anomaly';
import { isCountApproval } from './count-review';
import { type LedgerState, type StoredEvent, compareStored } from './ledger-state';
import { evaluateReversals, isEffective } from './reversal-tree';

/** The one way a Balance object is built, so the fast and the full path give equal objects. */
export function makeBalance(
  effect: BalanceEffect,
  onHand: number,
  quarantined: number,
  last: StoredEvent,
  expiry: string | undefined,
): Balance {
  return {
    locationId: effect.locationId,
    itemId: effect.itemId,
    lotCode: effect.lotCode,
    ...(expiry !== undefined ? { expiry } : {}),
    onHand,
    quarantined,
    lastEventId: last.event.id,
    lastOccurredAt: last.event.occurredAt,
  };
}

export function effectAt(stored: StoredEvent, key: string): BalanceEffect | undefined {
  return stored.semantics.ok ? stored.semantics.effects.find((e) => e.key === key) : undefined;
}

/**
 * Recomputes one balance from its events in canonical order. Cost: linear in the events of this
 * (location, item, lot), plus the reversal trees hanging off them.
 */
export function refoldBalance(state: LedgerState, key: string): void {
  const events = state.byBalance.get(key);
  const first = events?.[0];
  const firstEffect = first && effectAt(first, key);
  if (!events || !firstEffect) {
    state.balances.delete(key);
    state.countAnomalies.delete(key);
    return;
  }
  let onHand = 0;
  let quarantined = 0;
  let last = first;
  const later = (candidate: StoredEvent) => {
    if (compareStored(candidate, last) > 0) last = candidate;
  };
  const counts: LedgerAnomaly[] = [];
  for (const stored of events) {
    let counting = true;
    if (state.reversalsOf.has(stored.event.id)) {
      const tree = evaluateReversals(state, stored);
      counting = tree.effective.get(stored.event.id) ?? true;
      tree.nodes.forEach(later);
    } else {
      later(stored);
    }
    const effect = effectAt(stored, key);
    if (!counting || !effect) continue;
    const { event } = stored;
    // An approval's expected quantity is what the ledger said when it was counted, hours earlier.
    if (event.type === 'count' && !isCountApproval(event) && event.expectedQuantity !== onHand) {
      counts.push(countBasisDiffers(event, onHand, effect.lotCode));
    }
    onHand += effect.onHand;
    quarantined += effect.quarantined;
  }
  const expiry = state.lotExpiry.get(lotKey(firstEffect.itemId, firstEffect.lotCode));
  state.balances.set(key, makeBalance(firstEffect, onHand, quarantined, last, expiry));
  if (counts.length > 0) state.countAnomalies.set(key, counts);
  else state.countAnomalies.delete(key);
}

/**
 * Recomputes a lot's expiry: the one on the last counting event, in canonical order, that carried
 * a readable expiry. Returns the balance keys whose expiry changed. When every label of the lot
 * agrees (the usual case) only the last counting label is looked for, from the end.
 */
export function refoldLot(state: LedgerState, lot: string): string[] {
  const all = state.expiryByLot.get(lot) ?? [];
  const agreeing = (state.expiryValues.get(lot)?.size ?? 0) <= 1;
  const carriers = agreeing
    ? [all.findLast((s) => isEffective(state, s))].filter((s) => s !== undefined)
    : all.filter((s) => isEffective(state, s));
  const kept = carriers.at(-1)?.event.expiry;
  if (kept === undefined) state.lotExpiry.delete(lot);
  else state.lotExpiry.set(lot, kept);
  const lastOfEach = new Map<string, StoredEvent>();
  for (const stored of carriers) lastOfEach.set(stored.event.expiry ?? '', stored);
  const sample = carriers[0]?.event;
  if (sample && lastOfEach.size > 1) {
    const expiries = [...lastOfEach.keys()].sort();
    const ids = [...lastOfEach.values()].map((s) => s.event.id);
    state.lotAnomalies.set(lot, [
      expiryConflict(sample.itemId, sample.lotCode.trim(), expiries, ids, kept ?? ''),
    ]);
  } else {
    state.lotAnomalies.delete(lot);
  }
  const changed: string[] = [];
  for (const key of state.balanceKeysByLot.get(lot) ?? []) {
    const balance = state.balances.get(key);
    if (!balance || balance.expiry === kept) continue;
    const { expiry: _old, ...rest } = balance;
    state.balances.set(key, kept === undefined ? rest : { ...rest, expiry: kept });
    changed.push(key);
  }
  return changed;
}

/** Recomputes the reversal anomalies (repeats, mismatches) of the tree under a movement. */
export function refoldTree(state: LedgerState, rootId: string): void {
  const root = state.events.get(rootId);
  const usableMovement = root?.semantics.ok && root.semantics.reverses === undefined;
  const anomalies =
    root && usableMovement && state.reversalsOf.has(rootId)
      ? evaluateReversals(state, root, true).anomalies
      : [];
  if (anomalies.length > 0) state.treeAnomalies.set(rootId, anomalies);
  else state.treeAnomalies.delete(rootId);
}
