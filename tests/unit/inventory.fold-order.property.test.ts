import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type LedgerState,
  applyEvent,
  applyEvents,
  createLedgerState,
  foldLedger,
  ledgerAnomalies,
  sortCanonical,
} from '../../shared/inventory';
import type { StockEvent } from '../../shared/model';
import { ledgerWithRepeats, permutationOf } from '../fixtures/inventory/arbitrary-ledger';

const RUNS = { numRuns: 200 };

/** Balances as a sorted list, so Map insertion order cannot hide or fake a difference. */
function snapshot(balances: LedgerState['balances']) {
  return [...balances.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

function incrementally(events: readonly StockEvent[]): LedgerState {
  const state = createLedgerState();
  for (const event of events) applyEvent(state, event);
  return state;
}

describe('the ledger fold does not depend on the order events arrive in', () => {
  it('folds any permutation of the same events (reversals, counts, repeats) to identical results', () => {
    fc.assert(
      fc.property(
        ledgerWithRepeats.chain((events) => fc.tuple(fc.constant(events), permutationOf(events))),
        ([events, shuffled]) => {
          const a = foldLedger(events);
          const b = foldLedger(shuffled);
          expect(snapshot(b.balances)).toEqual(snapshot(a.balances));
          expect(b.anomalies).toEqual(a.anomalies);
        },
      ),
      RUNS,
    );
  });

  it('applies events one by one, in any order, to the batch result', () => {
    fc.assert(
      fc.property(
        ledgerWithRepeats.chain((events) => fc.tuple(fc.constant(events), permutationOf(events))),
        ([events, shuffled]) => {
          const batch = foldLedger(events);
          const state = incrementally(shuffled);
          expect(snapshot(state.balances)).toEqual(snapshot(batch.balances));
          expect(ledgerAnomalies(state)).toEqual(batch.anomalies);
        },
      ),
      RUNS,
    );
  });

  it('applies events in canonical order (the append fast path) to the batch result', () => {
    fc.assert(
      fc.property(ledgerWithRepeats, (events) => {
        const batch = foldLedger(events);
        const state = incrementally(sortCanonical(events));
        expect(snapshot(state.balances)).toEqual(snapshot(batch.balances));
        expect(ledgerAnomalies(state)).toEqual(batch.anomalies);
      }),
      RUNS,
    );
  });

  it('continues a batch fold incrementally: fold the first part, apply the rest', () => {
    fc.assert(
      fc.property(
        ledgerWithRepeats.chain((events) =>
          fc.tuple(fc.constant(events), permutationOf(events), fc.nat(events.length)),
        ),
        ([events, shuffled, cut]) => {
          const { state } = foldLedger(shuffled.slice(0, cut));
          const changed = new Set<string>();
          const before = new Map(state.balances);
          for (const event of shuffled.slice(cut)) {
            for (const k of applyEvent(state, event).changedBalanceKeys) changed.add(k);
          }
          const batch = foldLedger(events);
          expect(snapshot(state.balances)).toEqual(snapshot(batch.balances));
          // Every balance object that differs from before was reported as changed.
          for (const [k, balance] of state.balances) {
            if (before.get(k) !== balance) expect(changed.has(k), k).toBe(true);
          }
          for (const k of before.keys())
            if (!state.balances.has(k)) expect(changed.has(k)).toBe(true);
        },
      ),
      RUNS,
    );
  });

  it('applies sync batches of any size in any order to the batch result', () => {
    fc.assert(
      fc.property(
        ledgerWithRepeats.chain((events) =>
          fc.tuple(fc.constant(events), permutationOf(events), fc.integer({ min: 1, max: 8 })),
        ),
        ([events, shuffled, size]) => {
          const state = createLedgerState();
          for (let i = 0; i < shuffled.length; i += size) {
            applyEvents(state, shuffled.slice(i, i + size));
          }
          const batch = foldLedger(events);
          expect(snapshot(state.balances)).toEqual(snapshot(batch.balances));
          expect(ledgerAnomalies(state)).toEqual(batch.anomalies);
        },
      ),
      RUNS,
    );
  });
});
