import { eventSemantics, type EventSemantics } from '../inventory/event-effects';
import type { StockEvent } from '../model';
import { addChange, availabilityEffect, type AvailabilityChanges } from './digest-availability';
import { addToDigest, createLedgerDigest, linkToDigest, type LedgerDigest } from './ledger-digest';
import { dayOf, periodDays, type Period } from './period';
import {
  USAGE_WINDOW_DAYS,
  isStockedOut,
  noStockouts,
  noteStockoutDay,
  type Stockouts,
} from './stockouts';
import { usedInWindow } from './usage';

/**
 * Stockout days from the dashboard's digest, without folding the ledger once per day: the digest
 * keeps the change in available units per item-location and day, the day-end availability is
 * walked back from today's balances to the period's first day and then forward a day at a time,
 * and each day is judged by `isStockedOut`, the one definition `stockouts()` uses (through
 * `stockedOutOn`). The property test (indicators.stockout-days.property.test.ts) holds the answer
 * equal to `stockouts()`.
 */

interface TreeNode {
  event: StockEvent;
  /** Its UTC day; an event with no readable day is in no day's ledger. */
  day: number;
  semantics: EventSemantics;
}

/**
 * The digest's availability changes with the reversals settled. A reversal cancels the movement at
 * the bottom of its chain from the day it (and every reversal above it) is in the ledger, and a
 * reversal of it restores the movement (reversal-tree.ts): for each tree, the movement's share of
 * the ledger is evaluated at each day one of its events joins, and where that differs from what
 * the digest counted (the movement from its own day, as if never reversed) the difference is added
 * on that day. Trees are a handful of events, so this costs next to nothing.
 */
export function digestAvailabilityChanges(digest: LedgerDigest): AvailabilityChanges {
  const changes: AvailabilityChanges = new Map();
  for (const [key, days] of digest.available) changes.set(key, new Map(days));
  const children = new Map<string, TreeNode[]>();
  const roots: TreeNode[] = [];
  for (const event of digest.linked.values()) {
    const node = {
      event,
      day: dayOf(event.occurredAt) ?? Infinity,
      semantics: eventSemantics(event),
    };
    if (!node.semantics.ok) continue;
    const named = node.semantics.reverses;
    if (named === undefined) roots.push(node);
    else children.set(named, [...(children.get(named) ?? []), node]);
  }
  for (const root of roots) {
    if (children.has(root.event.id)) settleTree(digest, changes, root, children);
  }
  return changes;
}

function settleTree(
  digest: LedgerDigest,
  changes: AvailabilityChanges,
  root: TreeNode,
  children: ReadonlyMap<string, TreeNode[]>,
): void {
  // An event counts on a day when no reversal of it that is in that day's ledger counts.
  const counts = (node: TreeNode, day: number): boolean =>
    !(children.get(node.event.id) ?? []).some((r) => r.day <= day && counts(r, day));
  const counted = digest.ids.has(root.event.id);
  const share = (day: number) =>
    (root.day <= day && counts(root, day) ? 1 : 0) - (counted && root.day <= day ? 1 : 0);
  const days = new Set<number>([root.day]);
  // Each node has one parent and the root names none, so the walk down cannot loop.
  for (const nodes = [root]; nodes.length > 0;) {
    const node = nodes.pop();
    for (const child of children.get(node?.event.id ?? '') ?? []) {
      days.add(child.day);
      nodes.push(child);
    }
  }
  const effect = availabilityEffect(root.event);
  let before = share(digest.since - 1);
  for (const day of [...days]
    .filter((d) => d >= digest.since && d !== Infinity)
    .sort((a, b) => a - b)) {
    const now = share(day);
    if (now === before) continue;
    for (const [key, units] of effect) addChange(changes, key, day, (now - before) * units);
    before = now;
  }
}

/**
 * What `stockouts(events, period)` answers, from the digest's settled changes, the units
 * available per item-location now (the balances: the whole ledger folded) and the usage series
 * (at least from 30 days before the period). Only item-locations with usage can be out, so only
 * they are walked.
 */
export function stockoutsFromChanges(
  changes: AvailabilityChanges,
  availableNow: ReadonlyMap<string, number>,
  usage: ReadonlyMap<string, ReadonlyMap<number, number>>,
  period: Period,
): Stockouts {
  const days = periodDays(period);
  if (!days) return noStockouts();
  const span = days.last - days.first + 1;
  const outOn: string[][] = Array.from({ length: span }, () => []);
  // Sorted keys fill each day's list in the order stockedOutOn gives.
  for (const key of [...usage.keys()].sort()) {
    // The end of the day before the period: now, less every change from the period's first day on.
    let units = availableNow.get(key) ?? 0;
    const change = new Float64Array(span);
    for (const [day, moved] of changes.get(key) ?? []) {
      if (day < days.first) continue;
      units -= moved;
      const at = day - days.first;
      if (day <= days.last) change[at] = (change[at] ?? 0) + moved;
    }
    // Usage in the window to each day, slid a day at a time over arrays: `usedInWindow` over each
    // series on each day, and maps read per day, cost 30–40 ms for 90 days of 400 item-locations.
    const series = usage.get(key);
    const used = new Float64Array(span + USAGE_WINDOW_DAYS);
    for (const [day, unitsUsed] of series ?? []) {
      const at = day - days.first + USAGE_WINDOW_DAYS;
      if (at >= 0 && at < used.length) used[at] = (used[at] ?? 0) + unitsUsed;
    }
    let window = usedInWindow(series, days.first - 1, USAGE_WINDOW_DAYS);
    for (let i = 0; i < span; i += 1) {
      window += (used[i + USAGE_WINDOW_DAYS] ?? 0) - (used[i] ?? 0);
      units += change[i] ?? 0;
      // The definition stockedOutOn applies, on the same day-end figures.
      if (isStockedOut(units, window)) outOn[i]?.push(key);
    }
  }
  const result = noStockouts();
  outOn.forEach((out, i) => noteStockoutDay(result, days.first + i, out, i === span - 1));
  return result;
}

/**
 * The settled availability changes of a whole ledger, or of one lot and the reversals below its
 * events, every day held: what the centre keeps per lot (sync/store/centre-balances.ts) so that a
 * period's stockout days are walked from kept changes, as the dashboard walks its digest's.
 */
export function availabilityChangesOf(events: Iterable<StockEvent>): AvailabilityChanges {
  const digest = createLedgerDigest(Number.NEGATIVE_INFINITY);
  const list = [...events];
  for (const event of list) addToDigest(digest, event);
  // Every event may be part of a tree; roots that no reversal names are passed over.
  linkToDigest(digest, list);
  return digestAvailabilityChanges(digest);
}
