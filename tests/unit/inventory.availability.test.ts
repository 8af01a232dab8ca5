import { describe, expect, it } from 'vitest';
import {
  foldLedger,
  itemLocationKey,
  noRecalls,
  splitBalance,
  summariseAvailability,
} from '../../shared/inventory';
import { DOCK, SHELF, key, makeEvent } from '../fixtures/inventory/ledger-events';

const TODAY = '2026-11-02';
const { balances } = foldLedger([
  makeEvent({ id: '1', type: 'receive', quantity: 20, lotCode: 'FRESH', expiry: '2027-05-31' }),
  makeEvent({
    id: '2',
    type: 'quarantine',
    quantity: 5,
    lotCode: 'FRESH',
    reason: 'damage',
    deviceSeq: 2,
  }),
  makeEvent({
    id: '3',
    type: 'receive',
    quantity: 8,
    lotCode: 'OLD',
    expiry: '2026-11-01',
    deviceSeq: 3,
  }),
  makeEvent({
    id: '4',
    type: 'receive',
    quantity: 6,
    lotCode: 'BAD',
    expiry: '2027-05-31',
    deviceSeq: 4,
  }),
  makeEvent({
    id: '5',
    type: 'receive',
    quantity: 7,
    lotCode: 'FRESH',
    locationId: DOCK,
    deviceSeq: 5,
  }),
  makeEvent({
    id: '6',
    type: 'receive',
    quantity: 3,
    lotCode: 'X',
    itemId: 'ITM-2002',
    deviceSeq: 6,
  }),
]);
const recalled = (itemId: string, lotCode: string) => itemId === 'ITM-1001' && lotCode === 'BAD';

describe('availability', () => {
  it('splits each lot into available, quarantined (explicit or recalled) and expired', () => {
    const split = (lot: string, location = SHELF) => {
      const { onHand, available, quarantined, expired } = splitBalance(
        balances.get(key(location, lot))!,
        TODAY,
        recalled,
      );
      return { onHand, available, quarantined, expired };
    };
    expect(split('FRESH')).toEqual({ onHand: 20, available: 15, quarantined: 5, expired: 0 });
    expect(split('OLD')).toEqual({ onHand: 8, available: 0, quarantined: 0, expired: 8 });
    expect(split('BAD')).toEqual({ onHand: 6, available: 0, quarantined: 6, expired: 0 });
    expect(split('FRESH', DOCK)).toEqual({ onHand: 7, available: 7, quarantined: 0, expired: 0 });
  });

  it('keeps an expired lot usable on its expiry date', () => {
    const old = balances.get(key(SHELF, 'OLD'))!;
    expect(splitBalance(old, '2026-11-01', noRecalls).available).toBe(8);
  });

  it('totals per item and location, and per item for the facility', () => {
    const summary = summariseAvailability(balances.values(), TODAY, recalled);
    expect(summary.byItemLocation.get(itemLocationKey(SHELF, 'ITM-1001'))).toEqual({
      locationId: SHELF,
      itemId: 'ITM-1001',
      onHand: 34,
      available: 15,
      quarantined: 11,
      expired: 8,
    });
    expect(summary.byItem.get('ITM-1001')).toEqual({
      itemId: 'ITM-1001',
      onHand: 41,
      available: 22,
      quarantined: 11,
      expired: 8,
    });
    expect(summary.byItem.get('ITM-2002')?.available).toBe(3);
    expect(summary.lots).toHaveLength(balances.size);
  });

  it('keeps the buckets adding up when the ledger is out of range', () => {
    const base = balances.get(key(SHELF, 'FRESH'))!;
    const negative = splitBalance({ ...base, onHand: -4, quarantined: 0 }, TODAY, noRecalls);
    expect(negative).toMatchObject({ available: -4, quarantined: 0, expired: 0 });
    const overQuarantined = splitBalance({ ...base, onHand: 3, quarantined: 5 }, TODAY, noRecalls);
    expect(overQuarantined).toMatchObject({ available: 0, quarantined: 3, expired: 0 });
    const recalledNegative = splitBalance({ ...base, onHand: -2, lotCode: 'BAD' }, TODAY, recalled);
    expect(recalledNegative).toMatchObject({ available: -2, quarantined: 0, recalled: true });
  });
});
