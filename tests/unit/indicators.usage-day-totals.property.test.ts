import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isoDateFromDays } from '../../shared/inventory/calendar';
import { anomaliesOfTotals, usageAnomalies, usageDayTotal } from '../../shared/indicators';
import type { StockEvent } from '../../shared/model';
import { usageWithAnomalies } from '../fixtures/indicators/usage-with-anomalies';

const FIRST_DAY = 20_400;

/** Usage, returns, and events that are not usage, over 16 weeks of a few items, places and people. */
const eventArb: fc.Arbitrary<StockEvent> = fc
  .record({
    type: fc.constantFrom('issue', 'issue', 'issue', 'return', 'waste', 'receive'),
    day: fc.integer({ min: FIRST_DAY, max: FIRST_DAY + 7 * 16 }),
    hour: fc.integer({ min: 0, max: 23 }),
    itemId: fc.constantFrom('ITM-1', 'ITM-2'),
    locationId: fc.constantFrom('LOC-1', 'LOC-2'),
    actorId: fc.constantFrom('USR-A', 'USR-B'),
    quantity: fc.integer({ min: 1, max: 60 }),
  })
  .map(({ type, day, hour, itemId, locationId, actorId, quantity }) => ({
    id: `EVT-${day}-${hour}-${itemId}-${locationId}-${actorId}-${type}-${quantity}`,
    facilityId: 'FAC-1',
    deviceId: 'PC-1',
    deviceSeq: 1,
    actorId,
    occurredAt: `${isoDateFromDays(day)}T${String(hour).padStart(2, '0')}:00:00Z`,
    type,
    itemId,
    lotCode: 'L1',
    locationId,
    quantity,
    ...(type === 'issue' || type === 'return' ? { toLocationId: 'DEPT-ICU' } : {}),
    ...(type === 'waste' ? { reason: 'expired' } : {}),
  })) as fc.Arbitrary<StockEvent>;

const totalsOf = (events: readonly StockEvent[]) => events.flatMap((e) => usageDayTotal(e) ?? []);

/**
 * The centre judges usage from the day totals its write path keeps; a PC judges it from its
 * events. Both must raise exactly the same flags, in the same words.
 */
describe('usage day totals', () => {
  it('give the same flags as the events they sum, for any ledger', () => {
    fc.assert(
      fc.property(
        fc.array(eventArb, { maxLength: 300 }),
        fc.integer({ min: FIRST_DAY + 84, max: FIRST_DAY + 7 * 16 }),
        (events, to) => {
          const days = { from: to - 6, to };
          expect(anomaliesOfTotals(totalsOf(events), days)).toEqual(usageAnomalies(events, days));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('give the same flags on generated usage with injected spikes, drifts and one person', () => {
    const { events, judged } = usageWithAnomalies({
      seed: 7,
      itemLocations: 30,
      days: 140,
      firstDay: FIRST_DAY,
    });
    const fromEvents = usageAnomalies(events, judged);
    expect(fromEvents.length).toBeGreaterThan(0);
    expect(anomaliesOfTotals(totalsOf(events), judged)).toEqual(fromEvents);
  });

  it('count a return against the day it came back, and leave out what is not usage', () => {
    const base = {
      facilityId: 'FAC-1',
      deviceId: 'PC-1',
      deviceSeq: 1,
      actorId: 'USR-A',
      occurredAt: '2026-11-24T10:00:00Z',
      itemId: 'ITM-1',
      lotCode: 'L1',
      locationId: 'LOC-1',
      quantity: 4,
    };
    expect(
      usageDayTotal({
        ...base,
        id: 'E1',
        type: 'return',
        toLocationId: 'DEPT-ICU',
      } as StockEvent),
    ).toMatchObject({ units: -4, actorId: 'USR-A', itemId: 'ITM-1', locationId: 'LOC-1' });
    expect(
      usageDayTotal({ ...base, id: 'E2', type: 'waste', reason: 'expired' } as StockEvent),
    ).toBeUndefined();
  });
});
