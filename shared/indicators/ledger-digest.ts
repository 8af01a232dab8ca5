import { isPendingCount } from '../inventory/count-review';
import type { StockEvent } from '../model';
import { addAvailability, linkEvent, unlinkEvent } from './digest-availability';
import { isAccuracyCount } from './count-accuracy';
import { unitsWastedToExpiry } from './expiry-waste';
import { itemLocationKey } from './item-location';
import { dayOf } from './period';
import { usageWindow, windowAnomalies, type UsageSeries } from './usage-anomaly';
import {
  DEFAULT_ANOMALY_OPTIONS,
  type UsageAnomaly,
  type UsageAnomalyOptions,
} from './usage-anomaly';

/**
 * What the stockroom dashboard's figures need from the recent ledger, kept as events arrive so
 * that opening the dashboard reads a few thousand day rows instead of every event of 120 days:
 * units issued and returned per UTC day, item, location and person, plus the few events the
 * figures list one by one (the counts toward accuracy, the waste to expiry, the counts awaiting a
 * supervisor's approval), and the change in available units per item-location and day that the
 * stockout days walk forward (with the few events of reversal trees, settled when folded:
 * stockout-days.ts). A derived cache,
 * never authoritative: every figure read from it equals the same figure folded from the events
 * it holds, which the fold-agreement property test checks.
 */
export interface UsageDayRow {
  day: number;
  itemId: string;
  locationId: string;
  actorId: string;
  /** Units and events of the issues (those with a non-zero quantity). */
  issued: number;
  issues: number;
  /** Units and events of the returns from the ward (non-zero quantity). */
  returned: number;
  returns: number;
}

export interface LedgerDigest {
  /** The first day held (days since 1970-01-01): events of earlier days are left out. */
  since: number;
  /** The events held, so an event seen twice (a bulk read racing the change feed) adds once. */
  ids: Set<string>;
  rows: Map<string, UsageDayRow>;
  counts: Map<string, StockEvent>;
  waste: Map<string, StockEvent>;
  pending: Map<string, StockEvent>;
  /**
   * Change in available units (on hand less quarantined, all lots) per item-location and day, from
   * every held movement taken as not reversed; `linked` holds what settles the reversals.
   */
  available: Map<string, Map<number, number>>;
  /**
   * Events of reversal trees, by id: held reversals, held movements a linked reversal names, and
   * events from before `since` a reversal reaches, looked up for it (`linkToDigest`).
   */
  linked: Map<string, StockEvent>;
  /** Linked reversals per id they name, so a movement arriving after its reversal is linked too. */
  reversalsOf: Map<string, Set<string>>;
}

export function createLedgerDigest(since: number): LedgerDigest {
  return {
    since,
    ids: new Set(),
    rows: new Map(),
    counts: new Map(),
    waste: new Map(),
    pending: new Map(),
    available: new Map(),
    linked: new Map(),
    reversalsOf: new Map(),
  };
}

const rowKey = (day: number, e: StockEvent) =>
  `${day}\u0000${e.locationId}\u0000${e.itemId}\u0000${e.actorId}`;

function addUsage(digest: LedgerDigest, event: StockEvent, day: number, sign: 1 | -1): void {
  const issue = event.type === 'issue' && event.quantity !== 0;
  const ret = event.type === 'return' && event.quantity !== 0;
  if (!issue && !ret) return;
  const key = rowKey(day, event);
  const row = digest.rows.get(key) ?? {
    day,
    itemId: event.itemId,
    locationId: event.locationId,
    actorId: event.actorId,
    issued: 0,
    issues: 0,
    returned: 0,
    returns: 0,
  };
  if (issue) {
    row.issued += sign * event.quantity;
    row.issues += sign;
  } else {
    row.returned += sign * event.quantity;
    row.returns += sign;
  }
  if (row.issues === 0 && row.returns === 0) digest.rows.delete(key);
  else digest.rows.set(key, row);
}

/**
 * Adds an event; false when it was already held or falls before `since` (or names no day).
 * Events are immutable, so adding is all a new event needs.
 */
export function addToDigest(digest: LedgerDigest, event: StockEvent): boolean {
  const day = dayOf(event.occurredAt);
  if (day === undefined || day < digest.since || digest.ids.has(event.id)) return false;
  digest.ids.add(event.id);
  addUsage(digest, event, day, 1);
  addAvailability(digest.available, event, day, 1);
  if (event.type === 'reversal' || digest.reversalsOf.has(event.id)) linkEvent(digest, event);
  if (isAccuracyCount(event)) digest.counts.set(event.id, event);
  if (unitsWastedToExpiry(event) > 0) digest.waste.set(event.id, event);
  if (isPendingCount(event)) digest.pending.set(event.id, event);
  return true;
}

/** Takes back an event the store no longer holds as it was (a delete, or the old side of a change). */
export function removeFromDigest(digest: LedgerDigest, event: StockEvent): boolean {
  if (!digest.ids.delete(event.id)) return false;
  const day = dayOf(event.occurredAt);
  if (day !== undefined) {
    addUsage(digest, event, day, -1);
    addAvailability(digest.available, event, day, -1);
  }
  unlinkEvent(digest, event);
  digest.counts.delete(event.id);
  digest.waste.delete(event.id);
  digest.pending.delete(event.id);
  return true;
}

/**
 * Holds events that reversals reach (the events they name, down to the movement at the bottom of
 * the chain) without counting them as held: the keeper looks them up by id for each reversal it
 * reads, since one may name an event from before `since`. Linking one twice changes nothing.
 */
export function linkToDigest(digest: LedgerDigest, events: Iterable<StockEvent>): void {
  for (const event of events) linkEvent(digest, event);
}

/**
 * Units used per item-location and day from `from` (days since 1970-01-01) on: what `dailyUsage`
 * answers for the held events of those days.
 */
export function digestDailyUsage(digest: LedgerDigest, from: number): UsageSeries {
  const usage: UsageSeries = new Map();
  for (const row of digest.rows.values()) {
    if (row.day < from) continue;
    const key = itemLocationKey(row.locationId, row.itemId);
    const days = usage.get(key) ?? new Map<number, number>();
    days.set(row.day, (days.get(row.day) ?? 0) + row.issued - row.returned);
    usage.set(key, days);
  }
  return usage;
}

/**
 * The usage anomaly flags of `days` from the issues held since `since` (days since 1970-01-01):
 * what `usageAnomalies` answers for the issue and waste events of those days, which is what the
 * stockroom reads for its flags (waste is no usage, returns are not read).
 */
export function digestUsageAnomalies(
  digest: LedgerDigest,
  days: { from: number; to: number },
  since: number,
  options: UsageAnomalyOptions = DEFAULT_ANOMALY_OPTIONS,
): UsageAnomaly[] {
  const window = usageWindow(days, options);
  for (const row of digest.rows.values()) {
    if (row.issues === 0 || row.day < since) continue;
    window.add(row.locationId, row.itemId, row.actorId, row.day, row.issued);
  }
  return windowAnomalies(window);
}

/** Held events in the store's own order (by id), as a query with no sort answers them. */
export function heldInIdOrder(events: ReadonlyMap<string, StockEvent>, from: number): StockEvent[] {
  return [...events.values()]
    .filter((e) => (dayOf(e.occurredAt) ?? -Infinity) >= from)
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
