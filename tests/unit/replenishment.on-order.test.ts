import { describe, expect, it } from 'vitest';
import { REQUEST_STATUSES } from '../../shared/model';
import { locationItemKey, onOrderFrom } from '../../shared/replenishment';
import { draftRequest } from '../fixtures/replenishment/requests';

const OPEN = ['submitted', 'approved', 'ordered', 'shipped'];

describe('on order from open supply requests', () => {
  it.each(REQUEST_STATUSES)('lines of a %s request count only while on their way', (status) => {
    const onOrder = onOrderFrom([draftRequest({ status })]);
    expect(onOrder.get(locationItemKey('LOC-A1', 'ITM-1001')) ?? 0).toBe(
      OPEN.includes(status) ? 150 : 0,
    );
  });

  it('sums lines per location and item across requests and within one request', () => {
    const onOrder = onOrderFrom([
      draftRequest({
        id: 'REQ-1',
        status: 'submitted',
        lines: [
          { itemId: 'ITM-1', quantity: 10 },
          { itemId: 'ITM-2', quantity: 5 },
          { itemId: 'ITM-1', quantity: 3 },
        ],
      }),
      draftRequest({ id: 'REQ-2', status: 'shipped', lines: [{ itemId: 'ITM-1', quantity: 7 }] }),
      draftRequest({
        id: 'REQ-3',
        status: 'ordered',
        locationId: 'LOC-B2',
        lines: [{ itemId: 'ITM-1', quantity: 100 }],
      }),
      draftRequest({
        id: 'REQ-4',
        status: 'cancelled',
        lines: [{ itemId: 'ITM-1', quantity: 900 }],
      }),
    ]);
    expect(Object.fromEntries(onOrder)).toEqual({
      [locationItemKey('LOC-A1', 'ITM-1')]: 20,
      [locationItemKey('LOC-A1', 'ITM-2')]: 5,
      [locationItemKey('LOC-B2', 'ITM-1')]: 100,
    });
  });
});
