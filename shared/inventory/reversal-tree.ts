import { normaliseLotCode } from '../model';
import { type LedgerAnomaly, alreadyReversed, reversalMismatch } from './ledger-anomaly';
import type { LedgerState, StoredEvent } from './ledger-state';

/**
 * Reversals form trees: an event, the reversals that name it, the reversals of those, and so on.
 * An event counts when none of the reversals naming it counts; a reversal with no reversal of its
 * own always counts. So a reversal cancels, a reversal of that reversal restores, and a second
 * reversal of the same event changes nothing (it is reported). This depends only on which events
 * exist, never on their order, which is what lets a reversal arrive before the event it cancels.
 */

export type RootSearch =
  | { kind: 'root'; root: StoredEvent }
  /** A link of the chain has not arrived, or ends at an event with no effect. */
  | { kind: 'detached' }
  | { kind: 'cycle'; members: string[] };

/** Follows `reverses` links from an event to the movement at the bottom of its chain. */
export function findRoot(state: LedgerState, start: StoredEvent): RootSearch {
  const seen = new Map<string, number>();
  const path: string[] = [];
  let current = start;
  for (;;) {
    const semantics = current.semantics;
    if (!semantics.ok) return { kind: 'detached' };
    if (semantics.reverses === undefined) return { kind: 'root', root: current };
    const id = current.event.id;
    const at = seen.get(id);
    if (at !== undefined) return { kind: 'cycle', members: path.slice(at) };
    seen.set(id, path.length);
    path.push(id);
    const next = state.events.get(semantics.reverses);
    if (!next) return { kind: 'detached' };
    current = next;
  }
}

export interface ReversalTree {
  /** The root and every reversal below it, parents before children. */
  nodes: StoredEvent[];
  effective: Map<string, boolean>;
  anomalies: LedgerAnomaly[];
}

function sameStock(a: StoredEvent, b: StoredEvent): boolean {
  return (
    a.event.itemId === b.event.itemId &&
    a.event.locationId === b.event.locationId &&
    normaliseLotCode(a.event.lotCode) === normaliseLotCode(b.event.lotCode)
  );
}

/**
 * Evaluates the tree under `root`. Each node has exactly one parent (the event it names) and the
 * root names none, so the walk cannot loop. Cost: linear in the size of the tree. The anomalies
 * (worded for people) are only written when asked for.
 */
export function evaluateReversals(
  state: LedgerState,
  root: StoredEvent,
  describe = false,
): ReversalTree {
  const nodes: StoredEvent[] = [root];
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i];
    if (node) nodes.push(...(state.reversalsOf.get(node.event.id) ?? []));
  }
  const effective = new Map<string, boolean>();
  const anomalies: LedgerAnomaly[] = [];
  for (let i = nodes.length - 1; i >= 0; i--) {
    const node = nodes[i];
    if (!node) continue;
    // reversalsOf lists are in canonical order: the first effective reversal is the one that acts.
    const counting = (state.reversalsOf.get(node.event.id) ?? []).filter((r) =>
      effective.get(r.event.id),
    );
    effective.set(node.event.id, counting.length === 0);
    if (!describe) continue;
    const [first, ...extra] = counting;
    if (first) for (const r of extra) anomalies.push(alreadyReversed(r.event, first.event));
    if (node !== root && !sameStock(node, root)) {
      anomalies.push(reversalMismatch(node.event, root.event));
    }
  }
  return { nodes, effective, anomalies };
}

/** Whether a movement counts, given the reversals that name it. */
export function isEffective(state: LedgerState, stored: StoredEvent): boolean {
  if (!state.reversalsOf.has(stored.event.id)) return true;
  return evaluateReversals(state, stored).effective.get(stored.event.id) ?? true;
}
