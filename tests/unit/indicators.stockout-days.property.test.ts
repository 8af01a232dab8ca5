import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldLedger } from '../../shared/inventory';
import { isoDateFromDays, parseIsoDate } from '../../shared/inventory/calendar';
import {
  addToDigest,
  availableByItemLocation,
  createLedgerDigest,
  digestAvailabilityChanges,
  digestDailyUsage,
  linkToDigest,
  removeFromDigest,
  stockouts,
  stockoutsFromChanges,
  type Period,
} from '../../shared/indicators';
import type { StockEvent } from '../../shared/model';
import { anyLedger, buildEvents, type EventSpec } from '../fixtures/inventory/arbitrary-ledger';

/**
 * The dashboard's stockout days, walked from the digest's daily availability changes back from
 * today's balances, against `stockouts()`, which folds the ledger day by day: equal on random
 * ledgers of every event type (reversals that chain, loop, arrive before their targets or name an
 * event from before the digest's first day; transfers; quarantines and releases; counts off the
 * book and awaiting approval), events before the digest, in the period and after it, in any
 * arrival order, with events taken back and given again.
 */

const RUNS = { numRuns: 200 };
const START = parseIsoDate('2026-09-01')!;
/** The digest's first day: ten days of ledger lie before it. */
const SINCE = START + 10;
/** The period starts 30 days after the digest, as the dashboard's does (its usage window). */
const PERIOD: Period = { from: isoDateFromDays(SINCE + 30), to: isoDateFromDays(SINCE + 37) };
const SPAN = 51;

/**
 * Ledgers in a small world whose stock hovers around zero (one item, two locations, two lots, one
 * to four units a movement), so that a reversal, a transfer, a quarantine or a count decides
 * whether a day is a stockout. Reversals name mostly real movements, before or after them.
 */
const nearZeroSpec: fc.Arbitrary<EventSpec> = fc.record({
  type: fc.oneof(
    { weight: 4, arbitrary: fc.constant('receive' as const) },
    { weight: 3, arbitrary: fc.constant('issue' as const) },
    { weight: 3, arbitrary: fc.constant('reversal' as const) },
    {
      weight: 4,
      arbitrary: fc.constantFrom(
        'transfer' as const,
        'quarantine' as const,
        'release' as const,
        'count' as const,
        'adjust' as const,
        'return' as const,
        'waste' as const,
        'dispose' as const,
      ),
    },
  ),
  device: fc.nat(2),
  minute: fc.nat(20),
  shifted: fc.constant(false),
  location: fc.nat(1),
  to: fc.nat(1),
  item: fc.constant(0),
  lot: fc.nat(1),
  quantity: fc.integer({ min: 1, max: 4 }),
  delta: fc.integer({ min: -2, max: 2 }),
  counted: fc.nat(5),
  expected: fc.nat(5),
  expiry: fc.constant(0),
  target: fc.nat(40),
  sameStock: fc.oneof({ weight: 4, arbitrary: fc.constant(true) }, fc.constant(false)),
});

const nearZeroLedger = fc
  .array(nearZeroSpec, { minLength: 12, maxLength: 40, size: 'max' })
  .map(buildEvents);

/** A ledger spread over 51 days: before the digest, across the usage window, the period, after. */
const spread = (ledger: fc.Arbitrary<StockEvent[]>) =>
  ledger.chain((events) =>
    fc
      .tuple(
        fc.array(fc.nat(SPAN - 1), { minLength: events.length, maxLength: events.length }),
        fc.array(fc.nat(2), { minLength: events.length, maxLength: events.length }),
      )
      .map(([days, busy]) =>
        events.map((e, i): StockEvent => {
          // A third of the issues fall in the usage window and period, so the figure is seldom
          // empty; the rest anywhere.
          const day = e.type === 'issue' && busy[i] === 0 ? 30 + ((days[i] ?? 0) % 18) : days[i];
          const date = isoDateFromDays(START + (day ?? 0));
          return { ...e, occurredAt: `${date}T08:${String(i % 60).padStart(2, '0')}:00Z` };
        }),
      ),
  );

const anyShapeLedger = spread(anyLedger({ maxLength: 60 }));
const nearZero = spread(nearZeroLedger);

/** What the keeper links: every reversal, and every event a reversal names, wherever dated. */
function reversalTrees(events: readonly StockEvent[]): StockEvent[] {
  const named = new Set(events.flatMap((e) => (e.reverses === undefined ? [] : [e.reverses])));
  return events.filter((e) => e.type === 'reversal' || named.has(e.id));
}

function fromDigest(events: readonly StockEvent[], order: number[], twice: number[]) {
  const digest = createLedgerDigest(SINCE);
  const trees = reversalTrees(events);
  // Held events and linked ones arrive interleaved, in any order; some are taken back and given
  // again (a change seen by the stream), and the same event may come twice (a page and the stream).
  const arrivals: (() => void)[] = [
    ...events.map((e) => () => addToDigest(digest, e)),
    ...trees.map((e) => () => linkToDigest(digest, [e])),
  ];
  const sorted = arrivals
    .map((arrive, i) => ({ arrive, at: order[i % order.length] ?? 0 }))
    .sort((a, b) => a.at - b.at);
  for (const { arrive } of sorted) arrive();
  for (const i of twice) {
    const event = events[i % Math.max(events.length, 1)];
    if (!event) continue;
    addToDigest(digest, event);
    if (removeFromDigest(digest, event)) addToDigest(digest, event);
    if (event.type === 'reversal' || trees.includes(event)) linkToDigest(digest, [event]);
  }
  const now = availableByItemLocation(foldLedger(events).balances.values());
  return stockoutsFromChanges(
    digestAvailabilityChanges(digest),
    now,
    digestDailyUsage(digest, SINCE),
    PERIOD,
  );
}

describe('stockout days from the digest', () => {
  const agrees = (ledger: fc.Arbitrary<StockEvent[]>) => () => {
    fc.assert(
      fc.property(
        ledger,
        fc.array(fc.nat(1000), { minLength: 1, maxLength: 130 }),
        fc.array(fc.nat(60), { maxLength: 4 }),
        (events, order, twice) => {
          expect(fromDigest(events, order, twice)).toEqual(stockouts(events, PERIOD));
        },
      ),
      RUNS,
    );
  };

  it('equal stockouts() on ledgers whose stock hovers around zero', agrees(nearZero));

  it(
    'equal stockouts() on ledgers of every shape (loops, unknown targets, unusable events)',
    agrees(anyShapeLedger),
  );

  it('are checked on ledgers where reversals decide stockout days', () => {
    // A guard on the generator: the agreement means little unless the reversals change answers.
    const samples = fc.sample(nearZero, { numRuns: 200, seed: 16 });
    const withDays = samples.filter((events) => stockouts(events, PERIOD).stockoutDays > 0);
    const decided = samples.filter((events) => {
      const unreversed = events.filter((e) => e.type !== 'reversal');
      return (
        JSON.stringify(stockouts(unreversed, PERIOD).days) !==
        JSON.stringify(stockouts(events, PERIOD).days)
      );
    });
    expect(withDays.length).toBeGreaterThan(100);
    expect(decided.length).toBeGreaterThan(30);
  });

  it('a reversal in the period of a receipt from before the digest takes the stock out that day', () => {
    const at = (day: number) => `${isoDateFromDays(day)}T09:00:00Z`;
    const base = {
      facilityId: 'FAC-1',
      deviceId: 'DEV-1',
      actorId: 'USR-1',
      itemId: 'ITM-1',
      lotCode: 'L1',
      locationId: 'LOC-A',
    };
    const first = parseIsoDate(PERIOD.from)!;
    const events: StockEvent[] = [
      { ...base, id: 'R', deviceSeq: 1, occurredAt: at(START), type: 'receive', quantity: 5 },
      {
        ...base,
        id: 'I',
        deviceSeq: 2,
        occurredAt: at(first - 3),
        type: 'issue',
        quantity: 2,
        toLocationId: 'DEPT-ICU',
      },
      {
        ...base,
        id: 'X',
        deviceSeq: 3,
        occurredAt: at(first + 2),
        type: 'reversal',
        quantity: 0,
        reverses: 'R',
      },
    ];
    const result = fromDigest(events, [0], []);
    expect(result).toEqual(stockouts(events, PERIOD));
    expect(result.days.map((d) => d.date)).toEqual(
      [2, 3, 4, 5, 6, 7].map((n) => isoDateFromDays(first + n)),
    );
  });
});
