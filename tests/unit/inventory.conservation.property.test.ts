import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldLedger, sortCanonical } from '../../shared/inventory';
import { type StockEvent, lotKey } from '../../shared/model';
import { anyLedger } from '../fixtures/inventory/arbitrary-ledger';

const MOVEMENTS = [
  'receive',
  'transfer',
  'issue',
  'return',
  'waste',
  'adjust',
  'quarantine',
  'release',
  'dispose',
] as const;
const RUNS = { numRuns: 200 };

/** Totals per lot over every location, from the balances. */
function totals(
  balances: Iterable<{ itemId: string; lotCode: string; onHand: number; quarantined: number }>,
) {
  const sums = new Map<string, { onHand: number; quarantined: number }>();
  for (const b of balances) {
    const k = lotKey(b.itemId, b.lotCode);
    const s = sums.get(k) ?? { onHand: 0, quarantined: 0 };
    s.onHand += b.onHand;
    s.quarantined += b.quarantined;
    sums.set(k, s);
  }
  return sums;
}

/** The same totals straight from the events, by the bookkeeping identity. */
function expectedTotals(events: StockEvent[]) {
  const sums = new Map<string, { onHand: number; quarantined: number }>();
  for (const e of events) {
    if (e.type === 'transfer' && e.toLocationId === e.locationId) continue; // no effect, reported
    const k = lotKey(e.itemId, e.lotCode);
    const s = sums.get(k) ?? { onHand: 0, quarantined: 0 };
    const q = e.quantity;
    const change: Record<string, [number, number]> = {
      receive: [q, 0],
      return: [q, 0],
      issue: [-q, 0],
      waste: [-q, 0],
      adjust: [e.delta ?? 0, 0],
      transfer: [0, 0],
      quarantine: [0, q],
      release: [0, -q],
      dispose: [-q, -q],
    };
    const [onHand, quarantined] = change[e.type]!;
    s.onHand += onHand;
    s.quarantined += quarantined;
    sums.set(k, s);
  }
  return sums;
}

const nonZero = (m: Map<string, { onHand: number; quarantined: number }>) =>
  [...m]
    .filter(([, v]) => v.onHand !== 0 || v.quarantined !== 0)
    .sort(([a], [b]) => (a < b ? -1 : 1));

describe('conservation', () => {
  it('on-hand over all locations = receipts + returns − issues − waste ± adjustments − disposals; transfers move, never make', () => {
    fc.assert(
      fc.property(anyLedger({ types: MOVEMENTS, maxLength: 40 }), (events) => {
        expect(nonZero(totals(foldLedger(events).balances.values()))).toEqual(
          nonZero(expectedTotals(events)),
        );
      }),
      RUNS,
    );
  });

  it('a reversal leaves the balances as if the event had never happened', () => {
    fc.assert(
      fc.property(
        anyLedger({ types: [...MOVEMENTS, 'count'] }).chain((events) =>
          fc.tuple(fc.constant(events), fc.nat(Math.max(events.length - 1, 0))),
        ),
        ([events, pick]) => {
          const target = events[pick];
          if (!target) return;
          const reversal: StockEvent = {
            ...target,
            id: 'REV',
            type: 'reversal',
            reverses: target.id,
            deviceId: 'DEV-R',
            deviceSeq: 1,
          };
          const reversed = foldLedger([...events, reversal]).balances;
          const without = foldLedger(events.filter((e) => e !== target)).balances;
          for (const k of new Set([...reversed.keys(), ...without.keys()])) {
            const a = reversed.get(k);
            const b = without.get(k);
            expect([a?.onHand ?? 0, a?.quarantined ?? 0], k).toEqual([
              b?.onHand ?? 0,
              b?.quarantined ?? 0,
            ]);
          }
        },
      ),
      RUNS,
    );
  });

  it('a count taken with the ledger right sets on-hand to the count, later movements on top', () => {
    fc.assert(
      fc.property(
        anyLedger({ types: MOVEMENTS }).chain((events) =>
          fc.tuple(fc.constant(sortCanonical(events)), fc.nat(events.length), fc.nat(30)),
        ),
        ([sorted, cut, counted]) => {
          const itemId = 'ITM-1';
          const lotCode = 'L1';
          const k = `LOC-A\u0000${itemId}\u0000${lotCode}`;
          const before = sorted.slice(0, cut);
          const expected = foldLedger(before).balances.get(k)?.onHand ?? 0;
          // Same instant, device and sequence as the last event before the cut and a larger id:
          // the count sorts right after it, before everything after the cut.
          const last = before.at(-1);
          const count: StockEvent = {
            id: last ? `${last.id}:count` : 'CNT',
            facilityId: 'FAC-1',
            deviceId: last?.deviceId ?? 'DEV-0',
            deviceSeq: last?.deviceSeq ?? 1,
            actorId: 'USR-1',
            occurredAt: last?.occurredAt ?? '2026-11-01T00:00:00Z',
            type: 'count',
            itemId,
            lotCode,
            locationId: 'LOC-A',
            quantity: 0,
            countedQuantity: counted,
            expectedQuantity: expected,
          };
          const withCount = foldLedger([...sorted, count]);
          const withoutCount = foldLedger(sorted).balances.get(k)?.onHand ?? 0;
          expect(withCount.balances.get(k)?.onHand).toBe(counted + (withoutCount - expected));
          expect(withCount.anomalies.filter((a) => a.code === 'count-basis-differs')).toEqual([]);
        },
      ),
      RUNS,
    );
  });
});
