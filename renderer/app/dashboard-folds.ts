import { isoDateFromDays, parseIsoDate } from '../../shared/inventory/calendar';
import {
  anomalyWindow,
  availableByItemLocation,
  byWeek,
  countAccuracy,
  digestAvailabilityChanges,
  digestDailyUsage,
  digestUsageAnomalies,
  heldInIdOrder,
  stockoutsFromChanges,
  weeklyShare,
  type AvailabilityChanges,
  type CountAccuracy,
  type LedgerDigest,
  type Period,
  type Stockouts,
  type UsageAnomaly,
  type UsageSeries,
  type WeekOf,
} from '../../shared/indicators';
import type { Balance } from '../../shared/inventory/balance';
import type { StockEvent } from '../../shared/model';
import { whenIdle } from '../store/ledger-digest-read';
import type { DigestKeeper } from '../store/ledger-digest-keeper';

/**
 * The dashboard's folds of the ledger digest, kept per digest version (the first ones made in an
 * idle moment after the digest is read), so that opening the dashboard draws figures already
 * folded. Profiled on
 * 200,000 events (2026-12-06, figure 13), folding them as the dashboard mounted took about 30 of
 * the visit's 200 ms on a loaded machine, nearly all of it reading the dates of the held counts.
 * Each fold is the shared function's answer for that digest version: the cache only decides
 * when it is computed, never what it says.
 */

/** The digest as a screen reads it: the object is changed in place and `version` moves on. */
export interface DigestAt {
  digest: LedgerDigest;
  version: number;
}

/** What the figures read from the digest for one period. */
export interface DigestFigures {
  /** Units used per item-location and day, from 30 days before the period on. */
  usage: UsageSeries;
  wasted: StockEvent[];
  accuracy: CountAccuracy;
  accuracyWeeks: { week: string; share: number | null; of: number }[];
  wasteWeeks: WeekOf<StockEvent>[];
}

/** The period the dashboard's figures open on, in days (it also offers 90). */
export const DEFAULT_FIGURE_DAYS = 30;

/** Days of usage before the period that the stockout figures look back over. */
const USAGE_LOOKBACK_DAYS = 30;

/** The period of the last `days` days up to `today`, and the first day of the digest it reads. */
export function figuresPeriod(today: string, days: number): { period: Period; since: number } {
  const last = parseIsoDate(today) ?? 0;
  const first = last - days + 1;
  return {
    period: { from: isoDateFromDays(first), to: today },
    since: first - USAGE_LOOKBACK_DAYS,
  };
}

/** The week of usage the flags judge and the first day of its baseline, for `today`. */
export function flagsWindow(today: string): { from: number; to: number; since: number } {
  const window = anomalyWindow(parseIsoDate(today) ?? 0);
  return { from: window.from, to: window.to, since: parseIsoDate(window.since) ?? 0 };
}

interface Kept {
  version: number;
  figures: Map<string, DigestFigures>;
  flags: Map<string, UsageAnomaly[]>;
  changes?: AvailabilityChanges;
  /** Per period, the stockout days of the balances they were walked from. */
  stockouts: Map<string, { balances: readonly Balance[]; stockouts: Stockouts }>;
}

const kept = new WeakMap<LedgerDigest, Kept>();

/** This digest version's folds; a new version starts empty. */
function keptFor(at: DigestAt): Kept {
  const held = kept.get(at.digest);
  if (held && held.version === at.version) return held;
  const fresh: Kept = {
    version: at.version,
    figures: new Map(),
    flags: new Map(),
    stockouts: new Map(),
  };
  kept.set(at.digest, fresh);
  return fresh;
}

function foldFigures(digest: LedgerDigest, since: number, period: Period): DigestFigures {
  const counts = heldInIdOrder(digest.counts, since);
  const wasted = heldInIdOrder(digest.waste, since);
  const accuracy = countAccuracy(counts, period);
  return {
    usage: digestDailyUsage(digest, since),
    wasted,
    accuracy,
    accuracyWeeks: weeklyShare(
      byWeek(accuracy.lines, (l) => l.occurredAt, period),
      (l) => l.withinTolerance,
    ),
    wasteWeeks: byWeek(wasted, (e) => e.occurredAt, period),
  };
}

/** The figures' folds of the digest for `period`, read from `since` on. */
export function digestFigures(at: DigestAt, since: number, period: Period): DigestFigures {
  const held = keptFor(at);
  const key = `${since} ${period.from} ${period.to}`;
  let figures = held.figures.get(key);
  if (!figures) {
    figures = foldFigures(at.digest, since, period);
    held.figures.set(key, figures);
  }
  return figures;
}

/** The digest's changes in available units per item-location and day, reversals settled. */
function availabilityChanges(at: DigestAt): AvailabilityChanges {
  const held = keptFor(at);
  held.changes ??= digestAvailabilityChanges(at.digest);
  return held.changes;
}

/**
 * The stockout days of `period`, walked from today's balances back and forward through the
 * digest's changes (stockout-days.ts); kept until the digest or the balances change, since a visit
 * that changes neither should not walk 90 days again.
 */
export function digestStockouts(
  at: DigestAt,
  since: number,
  period: Period,
  balances: readonly Balance[],
): Stockouts {
  const held = keptFor(at);
  const key = `${since} ${period.from} ${period.to}`;
  const kept = held.stockouts.get(key);
  if (kept?.balances === balances) return kept.stockouts;
  const stockouts = stockoutsFromChanges(
    availabilityChanges(at),
    availableByItemLocation(balances),
    digestFigures(at, since, period).usage,
    period,
  );
  held.stockouts.set(key, { balances, stockouts });
  return stockouts;
}

/** The usage anomaly flags of the days `from`–`to`, judged from the usage held since `since`. */
export function digestFlags(
  at: DigestAt,
  window: { from: number; to: number; since: number },
): UsageAnomaly[] {
  const held = keptFor(at);
  const key = `${window.since} ${window.from} ${window.to}`;
  let flags = held.flags.get(key);
  if (!flags) {
    flags = digestUsageAnomalies(at.digest, { from: window.from, to: window.to }, window.since);
    held.flags.set(key, flags);
  }
  return flags;
}

/** The longest the first fold waits for a quiet moment. */
const IDLE_WAIT_MS = 1_000;

/**
 * Folds the dashboard's default figures (the last 30 days) and the week's flags in an idle moment
 * once a freshly read digest is published (at start-up, behind the sign-in screen, as its pages
 * are read), so the first visit finds them made; later visits find them kept until the digest
 * changes. Not after every change: a fold started in the idle gap between a wedge scanner's keys
 * held the page long enough to split the scan (the e2e's busy week failed with "Scan not used"),
 * so after a scan the next visit folds, once. `today` is asked at each fold.
 */
export function foldWhenIdle(keeper: DigestKeeper, today: () => string): () => void {
  let folded: LedgerDigest | undefined;
  const fold = () => {
    const { digest, version } = keeper.current();
    if (!digest) return;
    const day = today();
    const figures = figuresPeriod(day, DEFAULT_FIGURE_DAYS);
    // Only a digest that holds the days asked for: a window behind the digest waits for cover().
    if (digest.since <= figures.since) {
      digestFigures({ digest, version }, figures.since, figures.period);
      availabilityChanges({ digest, version });
    }
    const flags = flagsWindow(day);
    if (digest.since <= flags.since) digestFlags({ digest, version }, flags);
  };
  const changed = () => {
    const { digest } = keeper.current();
    if (!digest || digest === folded) return;
    folded = digest;
    void whenIdle(IDLE_WAIT_MS).then(fold);
  };
  changed();
  return keeper.subscribe(changed);
}
