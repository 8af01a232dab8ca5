import { describe, expect, it } from 'vitest';
import { eventSemantics, foldLedger } from '../../shared/inventory';
import { documentValidator } from '../../shared/model';
import { EFFECT_VECTORS } from '../fixtures/inventory/event-effect-vectors';
import { DOCK, SHELF, key, makeEvent } from '../fixtures/inventory/ledger-events';

describe('what each event type does to the balances', () => {
  it.each(EFFECT_VECTORS)('$name', ({ before, event, after }) => {
    const events = [...before, event].map(makeEvent);
    for (const e of events)
      expect(documentValidator('stock_events').validate(e).ok, e.id).toBe(true);
    const { balances, anomalies } = foldLedger(events);
    const found = Object.fromEntries(
      [...balances.values()].map((b) => [b.locationId, [b.onHand, b.quarantined]]),
    );
    expect(found).toEqual(after);
    expect(anomalies).toEqual([]);
  });

  it('describes a transfer as two effects on two balances', () => {
    const transfer = makeEvent({
      id: 'T',
      type: 'transfer',
      quantity: 4,
      locationId: DOCK,
      toLocationId: SHELF,
      lotCode: ' LOT-A ',
    });
    expect(eventSemantics(transfer)).toEqual({
      ok: true,
      effects: [
        {
          key: key(DOCK),
          locationId: DOCK,
          itemId: 'ITM-1001',
          lotCode: 'LOT-A',
          onHand: -4,
          quarantined: 0,
        },
        {
          key: key(SHELF),
          locationId: SHELF,
          itemId: 'ITM-1001',
          lotCode: 'LOT-A',
          onHand: 4,
          quarantined: 0,
        },
      ],
    });
  });

  it('gives a reversal no effect of its own, only the event it cancels', () => {
    expect(eventSemantics(makeEvent({ id: 'R', type: 'reversal', reverses: 'X' }))).toEqual({
      ok: true,
      effects: [],
      reverses: 'X',
    });
  });

  it('keeps lot codes apart exactly as printed after trimming', () => {
    const { balances } = foldLedger([
      makeEvent({ id: 'a', type: 'receive', quantity: 1, lotCode: 'abc123' }),
      makeEvent({ id: 'b', type: 'receive', quantity: 2, lotCode: 'ABC123 ', deviceSeq: 2 }),
      makeEvent({ id: 'c', type: 'receive', quantity: 4, lotCode: '0ABC123', deviceSeq: 3 }),
    ]);
    expect(balances.get(key(SHELF, 'abc123'))?.onHand).toBe(1);
    expect(balances.get(key(SHELF, 'ABC123'))?.onHand).toBe(2);
    expect(balances.get(key(SHELF, '0ABC123'))?.onHand).toBe(4);
  });

  it('refuses to give an effect to an event whose effect is undefined', () => {
    const cases = [
      makeEvent({ id: 'a', type: 'transfer', quantity: 1 }),
      makeEvent({ id: 'b', type: 'transfer', quantity: 1, toLocationId: SHELF }),
      makeEvent({ id: 'c', type: 'adjust', reason: 'found' }),
      makeEvent({ id: 'd', type: 'count', countedQuantity: 3 }),
      makeEvent({ id: 'e', type: 'reversal' }),
      makeEvent({ id: 'f', type: 'reversal', reverses: 'f' }),
      makeEvent({ id: 'g', type: 'receive', quantity: -2 }),
    ];
    expect(
      cases.map((e) => {
        const s = eventSemantics(e);
        return s.ok ? 'ok' : s.problem.code;
      }),
    ).toEqual([
      'destination-missing',
      'same-location',
      'delta-missing',
      'count-quantities-missing',
      'reverses-missing',
      'reverses-itself',
      'quantity-invalid',
    ]);
  });
});
