import { describe, expect, it } from 'vitest';
import { deliveryProgress, remainingFor } from '../../shared/inventory/delivery-progress';

const PO = {
  lines: [
    { itemId: 'ITM-IV', quantity: 100, lotCode: 'IVC2612C' },
    { itemId: 'ITM-SY', quantity: 120 },
  ],
};

describe('delivery progress', () => {
  it('starts with every line waiting', () => {
    expect(deliveryProgress(PO, []).map((l) => [l.state, l.remaining, l.words])).toEqual([
      ['waiting', 100, 'Waiting: 100 expected'],
      ['waiting', 120, 'Waiting: 120 expected'],
    ]);
  });

  it('shows a short, a complete and an over line as they happen', () => {
    const partly = deliveryProgress(PO, [{ itemId: 'ITM-IV', quantity: 40 }]);
    expect(partly[0]).toMatchObject({
      state: 'short',
      received: 40,
      remaining: 60,
      words: '60 still to come',
    });
    expect(remainingFor(partly, 'ITM-IV')).toBe(60);
    const twice = deliveryProgress(PO, [
      { itemId: 'ITM-IV', quantity: 100 },
      { itemId: 'ITM-IV', quantity: 100 },
      { itemId: 'ITM-SY', quantity: 120 },
    ]);
    expect(twice.map((l) => [l.state, l.words])).toEqual([
      ['over', 'Over by 100'],
      ['complete', 'Complete'],
    ]);
    expect(remainingFor(twice, 'ITM-IV')).toBe(0);
  });

  it('fills several lines of one item in order, the last taking any excess', () => {
    const split = {
      lines: [
        { itemId: 'A', quantity: 10 },
        { itemId: 'A', quantity: 5 },
      ],
    };
    expect(deliveryProgress(split, [{ itemId: 'A', quantity: 12 }]).map((l) => l.received)).toEqual(
      [10, 2],
    );
    expect(deliveryProgress(split, [{ itemId: 'A', quantity: 20 }]).map((l) => l.state)).toEqual([
      'complete',
      'over',
    ]);
    expect(remainingFor(deliveryProgress(split, []), 'A')).toBe(15);
  });

  it('ignores receipts of items not on the delivery', () => {
    expect(remainingFor(deliveryProgress(PO, [{ itemId: 'GLOVES', quantity: 3 }]), 'GLOVES')).toBe(
      0,
    );
    expect(
      deliveryProgress(PO, [{ itemId: 'GLOVES', quantity: 3 }]).every((l) => l.state === 'waiting'),
    ).toBe(true);
  });
});
