import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldLedger } from '../../shared/inventory';
import { isoDateFromDays, parseIsoDate } from '../../shared/inventory/calendar';
import {
  countAccuracy,
  eventFiguresFromEvents,
  eventFiguresFromTotals,
  expiryExposure,
  expiryWasteByMonth,
  quantile,
  foldEventDayTotals,
  stockouts,
  totalsInPeriod,
  type EventDayTotal,
  type Period,
} from '../../shared/indicators';
import type { StockEvent } from '../../shared/model';
import { anyLedger } from '../fixtures/inventory/arbitrary-ledger';

/**
 * Each indicator against a direct fold over the events it summarises: the ledger folded from
 * scratch for every day, and every sum written out plainly, so that a shortcut in an indicator
 * (the day-by-day incremental fold, a filter, a band edge) shows as a disagreement.
 */

const RUNS = { numRuns: 120 };
const FIRST = parseIsoDate('2026-11-01')!;
const PERIOD: Period = { from: '2026-11-03', to: '2026-11-10' };
const dayOf = (e: StockEvent) => parseIsoDate(e.occurredAt.slice(0, 10))!;

/** A ledger spread over 12 days (some before the period), with some expired-stock reasons. */
const spreadLedger = anyLedger({ maxLength: 40 }).chain((events) =>
  fc
    .tuple(
      fc.array(fc.nat(11), { minLength: events.length, maxLength: events.length }),
      fc.array(fc.boolean(), { minLength: events.length, maxLength: events.length }),
    )
    .map(([days, expired]) =>
      events.map((e, i): StockEvent => {
        const date = isoDateFromDays(FIRST + (days[i] ?? 0));
        const moved = { ...e, occurredAt: `${date}T08:${String(i % 60).padStart(2, '0')}:00Z` };
        if (expired[i] && (e.type === 'waste' || e.type === 'adjust'))
          return { ...moved, reason: 'expired' };
        return moved;
      }),
    ),
);

function directStockoutDays(events: StockEvent[], period: Period) {
  const out: { date: string; locationId: string; itemId: string }[] = [];
  for (let d = parseIsoDate(period.from)!; d <= parseIsoDate(period.to)!; d += 1) {
    const balances = foldLedger(events.filter((e) => dayOf(e) <= d)).balances;
    const available = new Map<string, number>();
    for (const b of balances.values()) {
      const key = `${b.locationId}|${b.itemId}`;
      available.set(key, (available.get(key) ?? 0) + b.onHand - b.quarantined);
    }
    const used = new Map<string, number>();
    for (const e of events) {
      if (dayOf(e) > d || dayOf(e) <= d - 30) continue;
      const units = e.type === 'issue' ? e.quantity : e.type === 'return' ? -e.quantity : 0;
      if (units === 0) continue;
      const key = `${e.locationId}|${e.itemId}`;
      used.set(key, (used.get(key) ?? 0) + units);
    }
    const keys = [...used].filter(([k, u]) => u > 0 && (available.get(k) ?? 0) <= 0);
    for (const [key] of keys.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      const [locationId = '', itemId = ''] = key.split('|');
      out.push({ date: isoDateFromDays(d), locationId, itemId });
    }
  }
  return out;
}

describe('indicators agree with a direct fold over their events', () => {
  it('stockout days: the day-by-day fold equals folding every prefix from scratch', () => {
    fc.assert(
      fc.property(spreadLedger, (events) => {
        const result = stockouts(events, PERIOD);
        const direct = directStockoutDays(events, PERIOD);
        const sortDays = (days: typeof direct) =>
          [...days].sort((a, b) =>
            `${a.date}|${a.locationId}|${a.itemId}` < `${b.date}|${b.locationId}|${b.itemId}`
              ? -1
              : 1,
          );
        expect(sortDays(result.days)).toEqual(sortDays(direct));
        expect(result.stockoutDays).toBe(direct.length);
        expect(result.byDay.reduce((t, d) => t + d.itemLocations, 0)).toBe(direct.length);
        expect(sortDays(result.atZero.map((z) => ({ date: PERIOD.to, ...z })))).toEqual(
          sortDays(direct.filter((d) => d.date === PERIOD.to)),
        );
      }),
      RUNS,
    );
  });

  it('count accuracy: within tolerance is |counted − expected| ≤ 5 % of |expected|, or exact', () => {
    fc.assert(
      fc.property(spreadLedger, (events) => {
        const inside = (e: StockEvent) => {
          const d = dayOf(e);
          return d >= parseIsoDate(PERIOD.from)! && d <= parseIsoDate(PERIOD.to)!;
        };
        const counts = events.filter((e) => e.type === 'count' && inside(e));
        const within = counts.filter((e) => {
          const diff = Math.abs(e.countedQuantity! - e.expectedQuantity!);
          if (diff === 0) return true;
          return e.expectedQuantity !== 0 && (diff / Math.abs(e.expectedQuantity!)) * 100 <= 5;
        });
        const result = countAccuracy(events, PERIOD);
        expect([result.counts, result.withinTolerance]).toEqual([counts.length, within.length]);
        expect(result.accuracy).toBe(counts.length === 0 ? null : within.length / counts.length);
      }),
      RUNS,
    );
  });

  it('waste to expiry: per month, the expired wastes and downward expired adjustments', () => {
    fc.assert(
      fc.property(spreadLedger, fc.integer({ min: 0, max: 50 }), (events, cost) => {
        const period: Period = { from: '2026-10-01', to: '2026-12-31' };
        let units = 0;
        for (const e of events) {
          if (e.reason !== 'expired') continue;
          if (e.type === 'waste') units += e.quantity;
          if (e.type === 'adjust' && (e.delta ?? 0) < 0) units -= e.delta!;
        }
        const months = expiryWasteByMonth(events, () => cost, period);
        expect(months.reduce((t, m) => t + m.units, 0)).toBe(units);
        expect(months.reduce((t, m) => t + m.value, 0)).toBe(units * cost);
      }),
      RUNS,
    );
  });

  it('kept totals: added push by push, they give the figures a fold over the events gives', () => {
    // Two facilities, items of their own costs, and the events arriving in batches: the totals
    // the centre keeps are added batch by batch, as the write path adds them.
    const cost = (itemId: string) => (itemId.length % 7) + 0.25;
    const sameTotals = (a: readonly EventDayTotal[], b: readonly EventDayTotal[]) => {
      const key = (t: EventDayTotal) => `${t.facilityId}|${t.day}|${t.itemId}`;
      expect([...a].sort((x, y) => key(x).localeCompare(key(y)))).toEqual(
        [...b].sort((x, y) => key(x).localeCompare(key(y))),
      );
    };
    fc.assert(
      fc.property(
        spreadLedger,
        fc.array(fc.boolean(), { maxLength: 40 }),
        fc.array(fc.nat(40), { maxLength: 5 }),
        (ledger, second, cuts) => {
          const events = ledger.map((e, i) =>
            second[i] ? { ...e, facilityId: `${e.facilityId}-2` } : e,
          );
          const added = new Map<string, EventDayTotal>();
          const bounds = [0, ...[...cuts].sort((a, b) => a - b), events.length];
          for (let b = 1; b < bounds.length; b += 1) {
            const batch = events.slice(bounds[b - 1], Math.max(bounds[b - 1]!, bounds[b]!));
            for (const t of foldEventDayTotals(batch)) {
              const key = `${t.facilityId}|${t.day}|${t.itemId}`;
              const kept = added.get(key);
              if (!kept) added.set(key, { ...t });
              else {
                kept.counts += t.counts;
                kept.countsWithin += t.countsWithin;
                kept.wasteUnits += t.wasteUnits;
              }
            }
          }
          sameTotals([...added.values()], foldEventDayTotals(events));
          for (const facility of new Set(events.map((e) => e.facilityId))) {
            const direct = eventFiguresFromEvents(
              events.filter((e) => e.facilityId === facility),
              cost,
              PERIOD,
            );
            const kept = eventFiguresFromTotals(
              totalsInPeriod(added.values(), PERIOD).filter((t) => t.facilityId === facility),
              cost,
            );
            expect({ ...kept, wasteValue: 0 }).toEqual({ ...direct, wasteValue: 0 });
            expect(kept.wasteValue).toBeCloseTo(direct.wasteValue, 9);
          }
        },
      ),
      RUNS,
    );
  });

  it('expiring value: each band sums the balances with stock whose expiry falls in it', () => {
    fc.assert(
      fc.property(spreadLedger, fc.nat(400), (events, offset) => {
        const today = isoDateFromDays(parseIsoDate('2026-10-01')! + offset);
        const balances = [...foldLedger(events).balances.values()];
        const result = expiryExposure(balances, () => 2, today);
        for (const band of result.bands) {
          let units = 0;
          for (const b of balances) {
            if (b.onHand <= 0 || !b.expiry || parseIsoDate(b.expiry) === undefined) continue;
            const left = parseIsoDate(b.expiry)! - parseIsoDate(today)!;
            if (left >= 0 && left <= band.withinDays) units += b.onHand;
          }
          expect(band.units).toBe(units);
          expect(band.value).toBe(units * 2);
        }
      }),
      RUNS,
    );
  });

  it('quantile by nearest rank is a value observed, with the right share at or below it', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -1000, max: 1000 }), { minLength: 1, maxLength: 60 }),
        fc.constantFrom(0.5, 0.9),
        (values, q) => {
          const found = quantile(values, q)!;
          expect(values).toContain(found);
          const atOrBelow = values.filter((v) => v <= found).length;
          const below = values.filter((v) => v < found).length;
          expect(atOrBelow / values.length).toBeGreaterThanOrEqual(q);
          expect(below / values.length).toBeLessThan(q);
        },
      ),
      RUNS,
    );
  });
});
