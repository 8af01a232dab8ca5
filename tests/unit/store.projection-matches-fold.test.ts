import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { foldLedger } from '../../shared/inventory/ledger-fold';
import type { StockEvent } from '../../shared/model';
import { projectEvents } from '../../renderer/store/balance-projection';
import type { StockroomDatabase } from '../../renderer/store/collections';
import { openTestStore } from './store-test-db';

let db: StockroomDatabase;
beforeAll(async () => {
  db = await openTestStore();
});
afterAll(async () => {
  await db.close();
});

const LOCATIONS = ['LOC-A1', 'LOC-A2', 'LOC-QC'];
const LOTS = ['L1', 'L2'];

const step = fc.record({
  type: fc.constantFrom(
    'receive',
    'transfer',
    'issue',
    'return',
    'waste',
    'adjust',
    'quarantine',
    'release',
    'count',
  ),
  lot: fc.constantFrom(...LOTS),
  from: fc.constantFrom(...LOCATIONS),
  to: fc.constantFrom(...LOCATIONS),
  quantity: fc.integer({ min: 1, max: 40 }),
  expiry: fc.option(fc.constantFrom('2027-01-31', '2027-03-31', '2026-12-01'), { nil: undefined }),
});

type Step = typeof step extends fc.Arbitrary<infer T> ? T : never;

function toEvent(s: Step, i: number): StockEvent | undefined {
  const base = {
    id: `evt-${i}`,
    facilityId: 'FAC-DEMO',
    deviceId: 'web-prop',
    deviceSeq: i + 1,
    actorId: 'USR-TESS',
    occurredAt: new Date(Date.UTC(2026, 10, 1, 8, 0, i)).toISOString(),
    itemId: 'ITM-1',
    lotCode: s.lot,
    locationId: s.from,
    quantity: s.quantity,
    ...(s.expiry ? { expiry: s.expiry } : {}),
  };
  switch (s.type) {
    case 'transfer':
      return s.from === s.to ? undefined : { ...base, type: 'transfer', toLocationId: s.to };
    case 'issue':
      return { ...base, type: 'issue', toLocationId: 'DEP-ICU' };
    case 'adjust':
      return {
        ...base,
        type: 'adjust',
        delta: s.quantity % 2 ? s.quantity : -s.quantity,
        reason: 'found',
      };
    case 'count':
      return {
        ...base,
        type: 'count',
        quantity: 0,
        countedQuantity: s.quantity,
        expectedQuantity: 7,
      };
    case 'quarantine':
      return { ...base, type: 'quarantine', reason: 'hold' };
    default:
      return { ...base, type: s.type } as StockEvent;
  }
}

describe('the persisted balances projection', () => {
  it('equals shared/inventory foldLedger for any ledger written in time order', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 25 }), async (steps) => {
        run += 1;
        await db.balances.find().remove();
        const events = steps
          .map((s, i) => toEvent(s, i))
          .filter((e): e is StockEvent => e !== undefined)
          .map((e) => ({ ...e, id: `${e.id}-r${run}` }));
        // Written the way the app writes: one event at a time.
        for (const event of events) await projectEvents(db, [event]);
        const stored = (await db.balances.find().exec()).map((d) => d.toMutableJSON());
        const folded = [...foldLedger(events).balances.values()];
        const shape = (b: {
          locationId: string;
          lotCode: string;
          onHand: number;
          quarantined: number;
          expiry?: string;
        }) => `${b.locationId}|${b.lotCode}|${b.onHand}|${b.quarantined}|${b.expiry ?? '-'}`;
        expect(stored.map(shape).sort()).toEqual(folded.map(shape).sort());
      }),
      { numRuns: 40 },
    );
  });
});
