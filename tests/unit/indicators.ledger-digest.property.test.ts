import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isoDateFromDays, parseIsoDate } from '../../shared/inventory/calendar';
import {
  COUNT_APPROVED,
  COUNT_AWAITING_APPROVAL,
  isPendingCount,
} from '../../shared/inventory/count-review';
import {
  addToDigest,
  anomalyWindow,
  countAccuracy,
  createLedgerDigest,
  dailyUsage,
  dayOf,
  digestDailyUsage,
  digestUsageAnomalies,
  expiryWasteByMonth,
  heldInIdOrder,
  removeFromDigest,
  stockoutRisks,
  stockoutRisksOfUsage,
  unitsWastedToExpiry,
  usageAnomalies,
  type LedgerDigest,
  type Period,
} from '../../shared/indicators';
import type { StockEvent } from '../../shared/model';

/**
 * The dashboard's digest of the recent ledger against a direct fold over the same events: the
 * figures read from day rows equal the figures folded from the events, whatever the arrival order,
 * with events arriving twice, events taken back, events before the digest's first day, instants
 * written with offsets that move their text across a day boundary, and periods whose edges cut
 * through the held days.
 */

const RUNS = { numRuns: 150 };
const TODAY = parseIsoDate('2026-12-05')!;
const FIRST = TODAY - 130;
const ITEMS = ['ITM-1', 'ITM-2'];
const LOCATIONS = ['LOC-A', 'LOC-B'];
const ACTORS = ['USR-1', 'USR-2'];
const TYPES = ['issue', 'issue', 'issue', 'return', 'waste', 'adjust', 'count', 'receive'] as const;

const anyEvent = (n: number): fc.Arbitrary<StockEvent> =>
  fc
    .record({
      type: fc.constantFrom(...TYPES),
      day: fc.integer({ min: FIRST, max: TODAY + 1 }),
      hour: fc.integer({ min: 0, max: 23 }),
      offset: fc.constantFrom('Z', 'Z', '+05:00', '-07:00'),
      item: fc.nat(ITEMS.length - 1),
      location: fc.nat(LOCATIONS.length - 1),
      actor: fc.nat(ACTORS.length - 1),
      // Mostly a few units a day, sometimes a burst that the anomaly rules flag.
      quantity: fc.oneof(
        { weight: 8, arbitrary: fc.integer({ min: 0, max: 4 }) },
        { weight: 1, arbitrary: fc.integer({ min: 20, max: 60 }) },
      ),
      expired: fc.boolean(),
      counted: fc.integer({ min: 0, max: 12 }),
      expected: fc.integer({ min: 0, max: 12 }),
      review: fc.constantFrom(undefined, COUNT_AWAITING_APPROVAL, COUNT_APPROVED),
    })
    .map((s): StockEvent => {
      const shift = s.offset === '+05:00' ? 5 : s.offset === '-07:00' ? -7 : 0;
      const hour = s.hour + shift;
      // The same instant written in local time: its text may name the next or previous day.
      const day = s.day + Math.floor(hour / 24);
      const text = `${isoDateFromDays(day)}T${String(((hour % 24) + 24) % 24).padStart(2, '0')}:15:00${s.offset}`;
      const event: StockEvent = {
        id: `EVT-${String(n).padStart(4, '0')}`,
        facilityId: 'FAC-1',
        deviceId: 'DEV-1',
        deviceSeq: n + 1,
        actorId: ACTORS[s.actor]!,
        occurredAt: text,
        type: s.type,
        itemId: ITEMS[s.item]!,
        lotCode: 'L1',
        locationId: LOCATIONS[s.location]!,
        quantity: s.quantity,
      };
      if (s.type === 'count')
        return {
          ...event,
          countedQuantity: s.counted,
          expectedQuantity: s.expected,
          ...(s.review ? { reason: s.review } : {}),
        };
      if (s.type === 'adjust')
        return { ...event, delta: -s.quantity, ...(s.expired ? { reason: 'expired' } : {}) };
      if (s.type === 'waste' && s.expired) return { ...event, reason: 'expired' };
      return event;
    });

/** Events, the order they arrive in, and which of them arrive twice or are taken back. */
const arrivals = fc
  .integer({ min: 0, max: 250 })
  .chain((length) =>
    fc.tuple(...Array.from({ length }, (_, n) => anyEvent(n))).map((events) => events),
  )
  .chain((events) =>
    fc.record({
      events: fc.constant(events),
      order: fc.shuffledSubarray(events, { minLength: events.length, maxLength: events.length }),
      twice: fc.array(fc.boolean(), { minLength: events.length, maxLength: events.length }),
      removed: fc.array(fc.boolean(), { minLength: events.length, maxLength: events.length }),
    }),
  );

/** The digest as the store keeps it, and the events it then holds: those of its days, each once. */
function digestOf(
  since: number,
  { order, twice, removed }: { order: StockEvent[]; twice: boolean[]; removed: boolean[] },
) {
  const digest = createLedgerDigest(since);
  order.forEach((e, i) => {
    addToDigest(digest, e);
    if (twice[i]) addToDigest(digest, e);
  });
  const gone = new Set(order.filter((_, i) => removed[i]).map((e) => e.id));
  for (const e of order) if (gone.has(e.id)) removeFromDigest(digest, e);
  const held = order.filter((e) => !gone.has(e.id) && (dayOf(e.occurredAt) ?? -1) >= since);
  return { digest, held };
}

const byId = (events: StockEvent[]) => [...events].sort((a, b) => (a.id < b.id ? -1 : 1));
const sinceDay = (e: StockEvent, day: number) => (dayOf(e.occurredAt) ?? -1) >= day;

function periodOf(days: number): Period {
  return { from: isoDateFromDays(TODAY - days + 1), to: isoDateFromDays(TODAY) };
}

describe('the ledger digest agrees with a direct fold over the events it holds', () => {
  it('daily usage, stockout risks and stockouts read from day rows equal those of the events', () => {
    fc.assert(
      fc.property(arrivals, fc.integer({ min: FIRST, max: TODAY }), (input, from) => {
        const { digest, held } = digestOf(FIRST, input);
        const direct = dailyUsage(held.filter((e) => sinceDay(e, from)));
        const fromRows = digestDailyUsage(digest, from);
        const asObject = (m: Map<string, Map<number, number>>) =>
          Object.fromEntries([...m].map(([k, v]) => [k, Object.fromEntries(v)]));
        expect(asObject(fromRows)).toEqual(asObject(direct));
        const levels = ITEMS.flatMap((itemId) =>
          LOCATIONS.map((locationId) => ({ itemId, locationId, leadTimeDays: 400 })),
        );
        const balances = [
          {
            locationId: 'LOC-A',
            itemId: 'ITM-1',
            lotCode: 'L1',
            onHand: 3,
            quarantined: 0,
            lastEventId: 'x',
            lastOccurredAt: '2026-12-01T00:00:00Z',
          },
        ];
        const today = isoDateFromDays(TODAY);
        expect(stockoutRisksOfUsage(balances, fromRows, levels, today)).toEqual(
          stockoutRisks(
            balances,
            held.filter((e) => sinceDay(e, from)),
            levels,
            today,
          ),
        );
      }),
      RUNS,
    );
  });

  it('usage anomaly flags from day rows equal the flags of the issue and waste events', () => {
    let flagged = 0;
    fc.assert(
      fc.property(arrivals, fc.integer({ min: TODAY - 3, max: TODAY }), (input, today) => {
        const { digest, held } = digestOf(FIRST, input);
        const window = anomalyWindow(today);
        const since = parseIsoDate(window.since)!;
        const read = held.filter(
          (e) => (e.type === 'issue' || e.type === 'waste') && sinceDay(e, since),
        );
        const flags = usageAnomalies(read, window);
        expect(digestUsageAnomalies(digest, window, since)).toEqual(flags);
        if (flags.length > 0) flagged += 1;
      }),
      RUNS,
    );
    // The comparison means something only if some runs raise flags.
    expect(flagged).toBeGreaterThan(0);
  });

  it('count accuracy, waste to expiry and counts awaiting approval from the held events equal the fold', () => {
    fc.assert(
      fc.property(arrivals, fc.constantFrom(7, 30, 90), (input, days) => {
        const { digest, held } = digestOf(FIRST, input);
        const period = periodOf(days);
        const cost = (itemId: string) => (itemId === 'ITM-1' ? 2.5 : undefined);
        const inOrder = byId(held);
        expect(countAccuracy(heldInIdOrder(digest.counts, FIRST), period)).toEqual(
          countAccuracy(inOrder, period),
        );
        expect(expiryWasteByMonth(heldInIdOrder(digest.waste, FIRST), cost, period)).toEqual(
          expiryWasteByMonth(inOrder, cost, period),
        );
        expect(heldInIdOrder(digest.waste, FIRST)).toEqual(
          inOrder.filter((e) => unitsWastedToExpiry(e) > 0),
        );
        expect(heldInIdOrder(digest.pending, FIRST)).toEqual(inOrder.filter(isPendingCount));
      }),
      RUNS,
    );
  });

  it('an event before the first day, or seen twice, adds nothing; taking back twice removes once', () => {
    const digest: LedgerDigest = createLedgerDigest(TODAY - 10);
    const issue: StockEvent = {
      id: 'EVT-1',
      facilityId: 'FAC-1',
      deviceId: 'DEV-1',
      deviceSeq: 1,
      actorId: 'USR-1',
      occurredAt: `${isoDateFromDays(TODAY)}T09:00:00Z`,
      type: 'issue',
      itemId: 'ITM-1',
      lotCode: 'L1',
      locationId: 'LOC-A',
      quantity: 4,
    };
    expect(addToDigest(digest, { ...issue, id: 'EVT-0', occurredAt: '2020-01-01T09:00:00Z' })).toBe(
      false,
    );
    expect(addToDigest(digest, issue)).toBe(true);
    expect(addToDigest(digest, issue)).toBe(false);
    expect([...digest.rows.values()].map((r) => r.issued)).toEqual([4]);
    expect(removeFromDigest(digest, issue)).toBe(true);
    expect(removeFromDigest(digest, issue)).toBe(false);
    expect(digest.rows.size).toBe(0);
  });
});
