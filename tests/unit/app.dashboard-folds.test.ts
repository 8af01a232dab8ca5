import { describe, expect, it, vi } from 'vitest';
import type * as Indicators from '../../shared/indicators';

// The shared folds, counted: the idle fold must be the one that makes them, not the visit.
const folds = vi.hoisted(() => ({ accuracy: 0 }));
vi.mock('../../shared/indicators', async (original) => {
  const shared = await original<typeof Indicators>();
  return {
    ...shared,
    countAccuracy: (...args: Parameters<typeof shared.countAccuracy>) => {
      folds.accuracy += 1;
      return shared.countAccuracy(...args);
    },
  };
});

import {
  digestFigures,
  digestFlags,
  digestStockouts,
  figuresPeriod,
  flagsWindow,
  foldWhenIdle,
} from '../../renderer/app/dashboard-folds';
import type { DigestKeeper, DigestState } from '../../renderer/store/ledger-digest-keeper';
import { isoDateFromDays, parseIsoDate } from '../../shared/inventory/calendar';
import {
  addToDigest,
  byWeek,
  countAccuracy,
  createLedgerDigest,
  digestDailyUsage,
  digestUsageAnomalies,
  heldInIdOrder,
  stockouts,
  weeklyShare,
  type LedgerDigest,
  type Period,
} from '../../shared/indicators';
import type { StockEvent } from '../../shared/model';
import { foldLedger } from '../../shared/inventory';

/**
 * The dashboard's kept folds answer what the shared functions answer for the digest as it is now:
 * a fold kept from an earlier version is never read after the digest took new events.
 */

const TODAY = '2026-12-05';
const DAY = parseIsoDate(TODAY)!;

let seq = 0;
function event(type: StockEvent['type'], daysAgo: number, quantity: number): StockEvent {
  seq += 1;
  const base: StockEvent = {
    id: `EVT-${String(seq).padStart(5, '0')}`,
    facilityId: 'FAC-1',
    deviceId: 'DEV-1',
    deviceSeq: seq,
    actorId: 'USR-1',
    occurredAt: `${isoDateFromDays(DAY - daysAgo)}T10:00:00Z`,
    type,
    itemId: 'ITM-1',
    lotCode: 'L1',
    locationId: 'LOC-A',
    quantity,
  };
  if (type === 'count') return { ...base, countedQuantity: quantity, expectedQuantity: 5 };
  if (type === 'waste') return { ...base, reason: 'expired' };
  return base;
}

/** Twelve weeks of steady issues, a count and a waste now and then. */
function history(): StockEvent[] {
  const events: StockEvent[] = [];
  for (let daysAgo = 100; daysAgo >= 0; daysAgo--) {
    events.push(event('issue', daysAgo, 3 + (daysAgo % 2)));
    if (daysAgo % 9 === 0) events.push(event('count', daysAgo, 4 + (daysAgo % 3)));
    if (daysAgo % 13 === 0) events.push(event('waste', daysAgo, 2));
  }
  return events;
}

function directFigures(digest: LedgerDigest, since: number, period: Period) {
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

describe('the dashboard folds kept per digest version', () => {
  it('answer the shared functions, and a new version folds again', () => {
    const digest = createLedgerDigest(DAY - 119);
    for (const e of history()) addToDigest(digest, e);
    const { period, since } = figuresPeriod(TODAY, 30);
    const window = flagsWindow(TODAY);
    const first = digestFigures({ digest, version: 1 }, since, period);
    expect(first).toEqual(directFigures(digest, since, period));
    // The same version answers the same fold without making it again.
    expect(digestFigures({ digest, version: 1 }, since, period)).toBe(first);

    // A spike today and a count: the digest changes in place and its version moves on.
    addToDigest(digest, event('issue', 0, 90));
    addToDigest(digest, event('count', 0, 1));
    const second = digestFigures({ digest, version: 2 }, since, period);
    expect(second).not.toBe(first);
    expect(second).toEqual(directFigures(digest, since, period));
    const flags = digestFlags({ digest, version: 2 }, window);
    expect(flags).toEqual(
      digestUsageAnomalies(digest, { from: window.from, to: window.to }, window.since),
    );
    expect(flags.some((f) => f.date === TODAY)).toBe(true);
  });

  it('the periods are the dashboard’s: 30 days and the 30 of usage before them', () => {
    const { period, since } = figuresPeriod(TODAY, 30);
    expect(period).toEqual({ from: isoDateFromDays(DAY - 29), to: TODAY });
    expect(since).toBe(DAY - 59);
  });

  it('are made once the digest is read, before the dashboard asks', async () => {
    const digest = createLedgerDigest(DAY - 119);
    for (const e of history()) addToDigest(digest, e);
    let state: DigestState = { digest: undefined, version: 0 };
    const listeners = new Set<() => void>();
    const keeper: DigestKeeper = {
      current: () => state,
      subscribe(listener) {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
      cover() {},
    };
    const stop = foldWhenIdle(keeper, () => TODAY);
    state = { digest, version: 1 };
    for (const listener of listeners) listener();
    // Node has no idle callbacks: the fold waits one macrotask turn.
    await new Promise((resolve) => setTimeout(resolve, 5));
    const { period, since } = figuresPeriod(TODAY, 30);
    const before = folds.accuracy;
    const folded = digestFigures({ digest, version: 1 }, since, period);
    // The visit folds nothing: the idle fold made it.
    expect(folds.accuracy).toBe(before);
    expect(folded).toEqual(directFigures(digest, since, period));
    stop();
  });

  it('stockout days: the walk from the balances, kept until the digest or the balances change', () => {
    // Steady issues from a receipt of 200 that runs dry some 40 days ago, then one of 40 that lasts
    // about ten days.
    const events = [event('receive', 110, 200), ...history(), event('receive', 20, 40)];
    const digest = createLedgerDigest(DAY - 119);
    for (const e of events) addToDigest(digest, e);
    const { period, since } = figuresPeriod(TODAY, 90);
    const balances = [...foldLedger(events).balances.values()];
    const first = digestStockouts({ digest, version: 1 }, since, period, balances);
    expect(first).toEqual(stockouts(events, period));
    expect(first.stockoutDays).toBeGreaterThan(0);
    expect(digestStockouts({ digest, version: 1 }, since, period, balances)).toBe(first);
    // A write: the balances are new, and so is the answer.
    const more = [...events, event('receive', 0, 500)];
    addToDigest(digest, more.at(-1)!);
    const after = [...foldLedger(more).balances.values()];
    const second = digestStockouts({ digest, version: 2 }, since, period, after);
    expect(second).not.toBe(first);
    expect(second).toEqual(stockouts(more, period));
  });
});
