import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { IsRecalled } from '../../shared/inventory/availability';
import { indexStock, matchStock, recalledLotIndex } from '../../shared/recall';
import { BARE, CATHETER, GAUZE, balance, notice } from '../fixtures/recall/notices';

const ITEMS = [CATHETER, GAUZE];
const STOCK = [
  balance({
    locationId: 'LOC-A1',
    itemId: 'ITM-1001',
    lotCode: 'ABC123',
    expiry: '2029-03-31',
    onHand: 40,
    quarantined: 10,
  }),
  balance({
    locationId: 'LOC-B2',
    itemId: 'ITM-1001',
    lotCode: 'ABC123',
    expiry: '2029-03-31',
    onHand: 5,
  }),
  balance({
    locationId: 'LOC-A1',
    itemId: 'ITM-1001',
    lotCode: 'ABC124',
    expiry: '2029-04-30',
    onHand: 12,
  }),
  balance({ locationId: 'LOC-A1', itemId: 'ITM-1001', lotCode: 'abc123', onHand: 3 }),
  balance({ locationId: 'LOC-A1', itemId: 'ITM-1001', lotCode: '', onHand: 7 }),
  balance({ locationId: 'LOC-C3', itemId: 'ITM-1001', lotCode: 'ABC123', onHand: 0 }),
  balance({ locationId: 'LOC-A1', itemId: 'ITM-2002', lotCode: 'ABC123', onHand: 99 }),
];

describe('recall notice against stock', () => {
  it('groups matched lots by location with what is left to quarantine', () => {
    const result = matchStock(notice(), STOCK, ITEMS);
    expect(result.itemIds).toEqual(['ITM-1001']);
    expect(result.locations).toEqual([
      {
        locationId: 'LOC-A1',
        onHand: 40,
        quarantined: 10,
        toQuarantine: 30,
        lots: [
          {
            locationId: 'LOC-A1',
            itemId: 'ITM-1001',
            lotCode: 'ABC123',
            expiry: '2029-03-31',
            onHand: 40,
            quarantined: 10,
            toQuarantine: 30,
            basis: ['lot'],
          },
        ],
      },
      {
        locationId: 'LOC-B2',
        onHand: 5,
        quarantined: 0,
        toQuarantine: 5,
        lots: [expect.objectContaining({ lotCode: 'ABC123', onHand: 5, toQuarantine: 5 })],
      },
    ]);
    expect(result.totals).toEqual({ onHand: 45, quarantined: 10, toQuarantine: 35 });
  });

  it('lists look-alike lots and unlotted stock to check, never as matches', () => {
    const result = matchStock(notice(), STOCK, ITEMS);
    expect(result.similar.map((s) => [s.lotCode, s.similarTo.map((h) => h.noticeLotCode)])).toEqual(
      [
        ['ABC124', ['ABC123']],
        ['abc123', ['ABC123']],
      ],
    );
    expect(result.toCheck).toEqual([
      expect.objectContaining({ lotCode: '', onHand: 7, missing: ['lot'] }),
    ]);
  });

  it('an expiry window uses each balance expiry; stock with no expiry is to check', () => {
    const window = { ...BARE, expiryFrom: '2029-04-01', expiryTo: '2029-04-30' };
    const result = matchStock(window, STOCK, ITEMS);
    expect(result.locations.flatMap((l) => l.lots.map((x) => x.lotCode))).toEqual(['ABC124']);
    expect(result.toCheck.map((c) => [c.lotCode, c.missing])).toEqual([
      ['', ['expiry']],
      ['abc123', ['expiry']],
    ]);
  });

  it('every lot: all stock of the product with something on hand', () => {
    const result = matchStock(notice({ allLots: true }), STOCK, ITEMS);
    expect(result.totals.onHand).toBe(40 + 5 + 12 + 3 + 7);
    expect(result.similar).toEqual([]);
  });

  it('a terminated notice matches nothing', () => {
    const result = matchStock(notice({ status: 'terminated' }), STOCK, ITEMS);
    expect(result.locations).toEqual([]);
    expect(result.totals).toEqual({ onHand: 0, quarantined: 0, toQuarantine: 0 });
  });

  it('a notice naming an item id matches stock of an item missing from the item list', () => {
    const byId = notice({ gtins: [], itemIds: ['ITM-1001'] });
    expect(matchStock(byId, STOCK, []).totals.onHand).toBe(45);
    expect(matchStock(notice(), STOCK, []).totals.onHand).toBe(0);
  });

  it('sums duplicate balances of one place and keeps the later expiry, in any order', () => {
    const twice = [
      balance({
        locationId: 'L',
        itemId: 'ITM-1001',
        lotCode: 'ABC123',
        onHand: 2,
        expiry: '2029-01-31',
      }),
      balance({
        locationId: 'L',
        itemId: 'ITM-1001',
        lotCode: 'ABC123 ',
        onHand: 3,
        quarantined: 1,
        expiry: '2029-03-31',
      }),
    ];
    for (const order of [twice, [...twice].reverse()]) {
      const [lot] = matchStock(notice(), order, ITEMS).locations[0]!.lots;
      expect(lot).toMatchObject({
        onHand: 5,
        quarantined: 1,
        toQuarantine: 4,
        expiry: '2029-03-31',
      });
    }
  });

  it('gives the same answer for any order of the balances', () => {
    const n = {
      ...BARE,
      lotCodes: ['L1', 'L3'],
      lotRanges: [{ from: 'R10', to: 'R20' }],
      expiryTo: '2027-01-31',
    };
    const arb = fc.array(
      fc.record({
        locationId: fc.constantFrom('LOC-1', 'LOC-2', 'LOC-3'),
        itemId: fc.constantFrom('ITM-1001', 'ITM-2002'),
        lotCode: fc.constantFrom('L1', 'l1', 'L2', 'L3', 'R12', 'R21', '', '0L1'),
        expiry: fc.option(fc.constantFrom('2026-12-31', '2027-01-31', '2027-02-28'), {
          nil: undefined,
        }),
        onHand: fc.integer({ min: -2, max: 50 }),
        quarantined: fc.integer({ min: 0, max: 5 }),
      }),
      { maxLength: 40 },
    );
    fc.assert(
      fc.property(arb, fc.func(fc.integer()), (rows, key) => {
        const balances = rows.map((r) => balance(r));
        const shuffled = balances
          .map((b, i) => ({ b, k: key(i) }))
          .sort((x, y) => x.k - y.k)
          .map((x) => x.b);
        expect(matchStock(n, shuffled, ITEMS)).toEqual(matchStock(n, balances, ITEMS));
      }),
    );
  });
});

describe('recall notice against stock at the size of 200,000 events', () => {
  it('finds exactly the lots a one-by-one check finds', () => {
    // 40,000 balances: 400 items × 25 locations × 4 lots, the recalled item with 2,000 lots.
    const balances = [];
    for (let i = 0; i < 400; i++) {
      for (let loc = 0; loc < 25; loc++) {
        for (let lot = 0; lot < 4; lot++) {
          balances.push(
            balance({
              locationId: `LOC-${loc}`,
              itemId: `ITM-${i}`,
              lotCode: `K${String(lot).padStart(4, '0')}`,
              onHand: 1 + ((i + loc + lot) % 9),
            }),
          );
        }
      }
    }
    for (let lot = 0; lot < 2000; lot++) {
      for (let loc = 0; loc < 5; loc++) {
        balances.push(
          balance({
            locationId: `LOC-${(lot + loc) % 25}`,
            itemId: 'ITM-1001',
            lotCode: `K${String(lot).padStart(4, '0')}`,
            onHand: 1 + (lot % 7),
            quarantined: lot % 3 === 0 ? 1 : 0,
          }),
        );
      }
    }
    const recalledLots = Array.from(
      { length: 50 },
      (_, k) => `K${String(k * 37).padStart(4, '0')}`,
    );
    const n = notice({ lotCodes: recalledLots });
    const items = [
      CATHETER,
      ...Array.from({ length: 400 }, (_, i) => ({ ...GAUZE, id: `ITM-${i}`, gtins: [] })),
    ];

    const result = matchStock(n, indexStock(balances), items);

    const wanted = new Set(recalledLots);
    const expected = balances.filter((b) => b.itemId === 'ITM-1001' && wanted.has(b.lotCode));
    const found = result.locations.flatMap((l) => l.lots);
    expect(found).toHaveLength(expected.length);
    expect(found.length).toBe(250);
    expect(result.totals.onHand).toBe(expected.reduce((s, b) => s + b.onHand, 0));
    expect(result.totals.quarantined).toBe(expected.reduce((s, b) => s + b.quarantined, 0));
    expect(new Set(found.map((f) => `${f.locationId}|${f.lotCode}`))).toEqual(
      new Set(expected.map((b) => `${b.locationId}|${b.lotCode}`)),
    );
    // K0001 is one character from K0000 (recalled): a hint, present at each of its places.
    expect(result.similar.some((s) => s.lotCode === 'K0001')).toBe(true);
    expect(result.similar.every((s) => !wanted.has(s.lotCode))).toBe(true);
  });
});

describe('recalled-lot index for availability and scans', () => {
  const notices = [
    notice(),
    notice({ id: 'RCL-2', number: 'Z-0500-2026', class: 'III', lotCodes: ['ABC123', 'ABC999'] }),
    notice({ id: 'RCL-3', number: 'Z-0100-2026', class: 'II', lotCodes: [], serials: ['SN-9'] }),
    notice({ id: 'RCL-4', number: 'Z-0001-2026', class: 'I', status: 'terminated' }),
    notice({
      id: 'RCL-5',
      number: 'Z-0600-2026',
      gtins: [],
      catalogNumbers: ['GZ-44'],
      lotCodes: [],
      expiryFrom: '2027-01-01',
    }),
  ];
  const index = recalledLotIndex(notices, ITEMS);

  it('returns the blocking notices, most serious first, skipping terminated ones', () => {
    expect(index.isRecalled('ITM-1001', 'ABC123').map((b) => b.number)).toEqual([
      'Z-0421-2026',
      'Z-0500-2026',
    ]);
    expect(index.isRecalled('ITM-1001', 'ABC999')).toEqual([
      { noticeId: 'RCL-2', number: 'Z-0500-2026', class: 'III', basis: ['lot'] },
    ]);
    expect(index.isRecalled('ITM-1001', 'abc123')).toEqual([]);
  });

  it('plugs into the inventory availability split as a yes/no', () => {
    const isRecalled: IsRecalled = (itemId, lotCode) => index.blocks(itemId, lotCode);
    expect(isRecalled('ITM-1001', 'ABC123')).toBe(true);
    expect(isRecalled('ITM-1001', 'ABC124')).toBe(false);
  });

  it('matches serials and, when given, expiry', () => {
    expect(index.isRecalled('ITM-1001', 'XYZ', 'SN-9').map((b) => b.noticeId)).toEqual(['RCL-3']);
    expect(
      index.isRecalled('ITM-2002', 'G1', undefined, '2027-05-31').map((b) => b.noticeId),
    ).toEqual(['RCL-5']);
    expect(index.lookup('ITM-2002', 'G1')).toEqual({
      recalled: [],
      cannotTell: [{ noticeId: 'RCL-5', number: 'Z-0600-2026', class: 'I', missing: ['expiry'] }],
    });
  });

  it('knows which notices name an item, and none for an unknown item', () => {
    expect(index.noticesFor('ITM-1001').map((n) => n.id)).toEqual(['RCL-1', 'RCL-2', 'RCL-3']);
    expect(index.isRecalled('ITM-NONE', 'ABC123')).toEqual([]);
  });
});
