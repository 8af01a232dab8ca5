import { describe, expect, it } from 'vitest';
import { type Balance, validateStockEvent } from '../../shared/inventory';
import { type EventFields, WARD, makeEvent } from '../fixtures/inventory/ledger-events';

const codes = (fields: EventFields, context = {}) =>
  validateStockEvent(makeEvent(fields), context).map((p) => p.code);

const shelf: Balance = {
  locationId: 'LOC-A1',
  itemId: 'ITM-1001',
  lotCode: 'LOT-A',
  expiry: '2026-12-31',
  onHand: 10,
  quarantined: 4,
  lastEventId: 'E0',
  lastOccurredAt: '2026-11-01T08:00:00Z',
};

describe('validateStockEvent: the stock rules an event must pass before it is recorded', () => {
  it('accepts well-formed events of every kind', () => {
    const good: EventFields[] = [
      { id: 'a', type: 'receive', quantity: 10, expiry: '2028-02-29' },
      { id: 'b', type: 'transfer', quantity: 1, toLocationId: 'LOC-B2' },
      { id: 'c', type: 'issue', quantity: 1, toLocationId: WARD },
      { id: 'd', type: 'return', quantity: 1, toLocationId: WARD },
      { id: 'e', type: 'waste', quantity: 1, reason: 'expired' },
      { id: 'f', type: 'count', countedQuantity: 0, expectedQuantity: 3 },
      { id: 'g', type: 'adjust', delta: -2, reason: 'lost' },
      { id: 'h', type: 'quarantine', quantity: 2, reason: 'recall' },
      { id: 'i', type: 'release', quantity: 2 },
      { id: 'j', type: 'dispose', quantity: 2, disposition: 'return-to-supplier' },
      { id: 'k', type: 'reversal', reverses: 'a' },
    ];
    for (const fields of good) expect(codes(fields), fields.id).toEqual([]);
  });

  it.each<[string, EventFields, string[]]>([
    [
      'transfer without destination',
      { id: 'x', type: 'transfer', quantity: 1 },
      ['destination-missing'],
    ],
    [
      'transfer to itself',
      { id: 'x', type: 'transfer', quantity: 1, toLocationId: 'LOC-A1' },
      ['same-location'],
    ],
    ['adjust without delta', { id: 'x', type: 'adjust', reason: 'found' }, ['delta-missing']],
    ['adjust of zero', { id: 'x', type: 'adjust', delta: 0, reason: 'found' }, ['delta-zero']],
    ['adjust without reason', { id: 'x', type: 'adjust', delta: 2 }, ['reason-missing']],
    [
      'adjust with an unknown reason',
      { id: 'x', type: 'adjust', delta: 2, reason: 'magic' },
      ['reason-unknown'],
    ],
    [
      'quarantine with an unknown reason',
      { id: 'x', type: 'quarantine', quantity: 1, reason: 'lost' },
      ['reason-unknown'],
    ],
    [
      'waste without reason',
      { id: 'x', type: 'waste', quantity: 1, reason: '  ' },
      ['reason-missing'],
    ],
    [
      'count without expected',
      { id: 'x', type: 'count', countedQuantity: 2 },
      ['count-quantities-missing'],
    ],
    [
      'count without counted',
      { id: 'x', type: 'count', expectedQuantity: 2 },
      ['count-quantities-missing'],
    ],
    ['reversal without target', { id: 'x', type: 'reversal' }, ['reverses-missing']],
    ['reversal of itself', { id: 'x', type: 'reversal', reverses: 'x' }, ['reverses-itself']],
    ['receive of zero', { id: 'x', type: 'receive', quantity: 0 }, ['quantity-too-small']],
    [
      'issue of zero to nowhere',
      { id: 'x', type: 'issue', quantity: 0 },
      ['quantity-too-small', 'department-missing'],
    ],
    [
      'negative quantity',
      { id: 'x', type: 'receive', quantity: -1 },
      ['quantity-invalid', 'quantity-too-small'],
    ],
    ['fractional quantity', { id: 'x', type: 'receive', quantity: 1.5 }, ['quantity-invalid']],
    [
      'dispose without disposition',
      { id: 'x', type: 'dispose', quantity: 1 },
      ['disposition-missing'],
    ],
    [
      'impossible expiry',
      { id: 'x', type: 'receive', quantity: 1, expiry: '2026-02-29' },
      ['expiry-unreadable'],
    ],
  ])('%s', (_name, fields, expected) => {
    expect(codes(fields)).toEqual(expected);
  });

  it('checks quarantine, release and dispose against the ledger at the source', () => {
    const context = { balance: shelf };
    expect(codes({ id: 'q', type: 'quarantine', quantity: 6, reason: 'hold' }, context)).toEqual(
      [],
    );
    expect(codes({ id: 'q', type: 'quarantine', quantity: 7, reason: 'hold' }, context)).toEqual([
      'quarantine-exceeds-available',
    ]);
    expect(codes({ id: 'r', type: 'release', quantity: 4 }, context)).toEqual([]);
    expect(codes({ id: 'r', type: 'release', quantity: 5 }, context)).toEqual([
      'release-exceeds-quarantined',
    ]);
    expect(
      codes({ id: 'd', type: 'dispose', quantity: 5, disposition: 'destroy' }, context),
    ).toEqual(['dispose-exceeds-quarantined']);
  });

  it('refuses a movement larger than what the ledger holds available', () => {
    const problems = validateStockEvent(
      makeEvent({ id: 'i', type: 'issue', quantity: 7, toLocationId: WARD }),
      { balance: shelf },
    );
    expect(problems.map((p) => [p.code, p.severity])).toEqual([['exceeds-available', 'error']]);
    expect(problems[0]!.message).toContain('6 units of lot LOT-A');
    expect(problems[0]!.message).toContain('found stock');
  });

  it.each([
    ['issue', { toLocationId: WARD }, 'exceeds-available'],
    ['transfer', { toLocationId: 'LOC-B' }, 'exceeds-available'],
    ['waste', { reason: 'expired' }, 'exceeds-available'],
    ['dispose', { disposition: 'return-to-supplier' }, 'dispose-exceeds-quarantined'],
  ] as const)(
    'refuses a %s from a lot the ledger does not hold there at all',
    (type, extra, code) => {
      const event = makeEvent({ id: 'x', type, quantity: 1, ...extra } as EventFields);
      expect(
        validateStockEvent(event, { ledgerRead: true }).map((p) => [p.code, p.severity]),
      ).toEqual([[code, 'error']]);
      // Never on the books here: the advice is to read the label again, never to add found stock.
      const [refusal] = validateStockEvent(event, { ledgerRead: true });
      if (code === 'exceeds-available') {
        expect(refusal!.message).toContain('has never been on the books at this location');
        expect(refusal!.message).not.toContain('found stock');
      }
      // Without having read the ledger the rule cannot be applied, and is not guessed at.
      expect(validateStockEvent(event).filter((p) => p.code === code)).toEqual([]);
    },
  );

  it('blocks issuing an expired or recalled lot, but not on its expiry day', () => {
    const issue: EventFields = { id: 'i', type: 'issue', quantity: 1, toLocationId: WARD };
    expect(codes(issue, { balance: shelf, today: '2026-12-31' })).toEqual([]);
    expect(codes(issue, { balance: shelf, today: '2027-01-01' })).toEqual(['lot-expired']);
    expect(codes({ ...issue, expiry: '2026-11-01' }, { today: '2026-11-02' })).toEqual([
      'lot-expired',
    ]);
    const recalled = (itemId: string, lot: string) => itemId === 'ITM-1001' && lot === 'LOT-A';
    expect(codes({ ...issue, lotCode: ' LOT-A ' }, { isRecalled: recalled })).toEqual([
      'lot-recalled',
    ]);
    expect(codes({ ...issue, lotCode: 'lot-a' }, { isRecalled: recalled })).toEqual([]);
  });

  it('tells the person what to do, in a message naming the field', () => {
    const [problem] = validateStockEvent(makeEvent({ id: 't', type: 'transfer', quantity: 1 }));
    expect(problem).toMatchObject({ field: 'toLocationId', severity: 'error' });
    expect(problem!.message).toMatch(/scan or choose the location/);
  });
});
