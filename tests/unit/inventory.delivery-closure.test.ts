import { describe, expect, it } from 'vitest';
import {
  closureProblem,
  discrepanciesAtClose,
  discrepancyWords,
} from '../../shared/inventory/delivery-closure';
import type { Delivery } from '../../shared/model';

const PO: Pick<Delivery, 'lines' | 'status'> = {
  status: 'expected',
  lines: [
    { itemId: 'ITM-1001', quantity: 100, lotCode: 'IVC2612C' },
    { itemId: 'ITM-1006', quantity: 120 },
  ],
};
const TODAY = '2026-12-03';

describe('the discrepancy summary a delivery is closed with', () => {
  it('is empty when everything expected arrived, in date, of the announced lot', () => {
    const receipts = [
      { itemId: 'ITM-1001', lotCode: 'IVC2612C', expiry: '2028-01-31', quantity: 100 },
      { itemId: 'ITM-1006', lotCode: 'G1', quantity: 120 },
    ];
    expect(discrepanciesAtClose(PO, receipts, [], TODAY)).toEqual([]);
  });

  it('measures short, over, not on the delivery, wrong lot and expired from the receipts, and adds the door counts', () => {
    const receipts = [
      { itemId: 'ITM-1001', lotCode: 'IVC2612C', quantity: 50 },
      { itemId: 'ITM-1001', lotCode: 'IVC2611A', expiry: '2026-12-01', quantity: 10 },
      { itemId: 'ITM-1006', lotCode: 'G1', quantity: 125 },
      { itemId: 'ITM-1200', lotCode: 'X', quantity: 3 },
    ];
    const door = [{ itemId: 'ITM-1001', damaged: 5, expiredOnArrival: 2 }];
    const summary = discrepanciesAtClose(PO, receipts, door, TODAY);
    expect(summary).toEqual([
      { kind: 'short', itemId: 'ITM-1001', quantity: 40 },
      { kind: 'over', itemId: 'ITM-1006', quantity: 5 },
      { kind: 'wrong-lot', itemId: 'ITM-1001', lotCode: 'IVC2611A', quantity: 10 },
      { kind: 'expired-on-arrival', itemId: 'ITM-1001', lotCode: 'IVC2611A', quantity: 10 },
      { kind: 'not-on-delivery', itemId: 'ITM-1200', lotCode: 'X', quantity: 3 },
      { kind: 'damaged', itemId: 'ITM-1001', quantity: 5 },
      { kind: 'expired-on-arrival', itemId: 'ITM-1001', quantity: 2 },
    ]);
    expect(summary.map(discrepancyWords)).toContain('10 wrong lot (lot IVC2611A)');
    expect(closureProblem(PO, summary)).toBeUndefined();
  });

  it('refuses a summary naming an item off the delivery as anything but not on the delivery', () => {
    expect(closureProblem(PO, [{ kind: 'short', itemId: 'ITM-9', quantity: 1 }])).toMatch(
      /not on the delivery/,
    );
    expect(
      closureProblem(PO, [{ kind: 'not-on-delivery', itemId: 'ITM-1001', quantity: 1 }]),
    ).toMatch(/is on the delivery/);
    expect(closureProblem({ ...PO, status: 'cancelled' }, [])).toMatch(/cancelled/);
  });
});
