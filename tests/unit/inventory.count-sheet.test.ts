import { describe, expect, it } from 'vitest';
import {
  countSheet,
  foldLedger,
  recordCount,
  sessionCounts,
  varianceReport,
} from '../../shared/inventory';
import type { StockEvent } from '../../shared/model';
import { DOCK, SHELF, WARD, key, makeEvent } from '../fixtures/inventory/ledger-events';

const ledger: StockEvent[] = [
  makeEvent({ id: 'a', type: 'receive', quantity: 40, lotCode: 'LOT-A', expiry: '2027-03-31' }),
  makeEvent({
    id: 'b',
    type: 'receive',
    quantity: 12,
    lotCode: 'LOT-B',
    expiry: '2026-12-31',
    deviceSeq: 2,
  }),
  makeEvent({
    id: 'c',
    type: 'receive',
    quantity: 5,
    lotCode: '',
    itemId: 'ITM-2002',
    deviceSeq: 3,
  }),
  makeEvent({
    id: 'd',
    type: 'receive',
    quantity: 9,
    lotCode: 'LOT-C',
    locationId: DOCK,
    deviceSeq: 4,
  }),
  makeEvent({ id: 'e', type: 'receive', quantity: 2, lotCode: 'LOT-Z', deviceSeq: 5 }),
  makeEvent({
    id: 'f',
    type: 'issue',
    quantity: 2,
    lotCode: 'LOT-Z',
    toLocationId: WARD,
    deviceSeq: 6,
  }),
];
const { balances } = foldLedger(ledger);

describe('blind count sheets', () => {
  it('list the lots at one location, by item then expiry, with no quantity on them', () => {
    const sheet = countSheet(balances.values(), SHELF);
    expect(sheet.lines.map((l) => [l.itemId, l.lotCode, l.expiry])).toEqual([
      ['ITM-1001', 'LOT-B', '2026-12-31'],
      ['ITM-1001', 'LOT-A', '2027-03-31'],
      ['ITM-2002', '', undefined],
    ]);
    for (const line of sheet.lines) {
      expect(Object.keys(line).sort()).toEqual(
        ['expiry', 'itemId', 'key', 'locationId', 'lotCode'].filter((k) => k in line),
      );
      expect(Object.values(line).every((v) => typeof v === 'string')).toBe(true);
    }
  });

  it('can be limited to some items (a cycle count) or include lots at zero (a stocktake)', () => {
    expect(countSheet(balances.values(), SHELF, { itemIds: ['ITM-2002'] }).lines).toHaveLength(1);
    const full = countSheet(balances.values(), SHELF, { includeEmpty: true });
    expect(full.lines.map((l) => l.lotCode)).toContain('LOT-Z');
  });
});

describe('partial counts', () => {
  it('change only the lines that were counted', () => {
    const sheet = countSheet(balances.values(), SHELF);
    const lotA = sheet.lines.find((l) => l.lotCode === 'LOT-A')!;
    const entry = recordCount(lotA, 38, balances, 'CS-7');
    expect(entry).toEqual({
      ok: true,
      draft: {
        type: 'count',
        locationId: SHELF,
        itemId: 'ITM-1001',
        lotCode: 'LOT-A',
        expiry: '2027-03-31',
        quantity: 0,
        countedQuantity: 38,
        expectedQuantity: 40,
        countSessionId: 'CS-7',
      },
    });
    if (!entry.ok) return;
    const after = foldLedger([...ledger, makeEvent({ ...entry.draft, id: 'CNT', deviceSeq: 7 })]);
    expect(after.balances.get(key(SHELF, 'LOT-A'))?.onHand).toBe(38);
    for (const [k, before] of balances) {
      if (k !== key(SHELF, 'LOT-A')) expect(after.balances.get(k)?.onHand, k).toBe(before.onHand);
    }
  });

  it('take a lot found on the shelf but not on the sheet as expected 0', () => {
    const entry = recordCount(
      { locationId: SHELF, itemId: 'ITM-1001', lotCode: ' LOT-NEW ' },
      3,
      balances,
    );
    expect(entry.ok && [entry.draft.lotCode, entry.draft.expectedQuantity]).toEqual(['LOT-NEW', 0]);
  });

  it('refuse a counted quantity that is not a whole number of units', () => {
    const line = countSheet(balances.values(), SHELF).lines[0]!;
    for (const bad of [-1, 2.5, Number.NaN, 1_000_001]) {
      const entry = recordCount(line, bad, balances);
      expect(entry.ok ? 'ok' : entry.error.code).toBe('counted-invalid');
    }
  });
});

describe('the variance report a supervisor approves', () => {
  const counts = (rows: [string, number, number][]) =>
    rows.map(([lotCode, countedQuantity, expectedQuantity], i) => ({
      id: `C${i}`,
      locationId: SHELF,
      itemId: 'ITM-1001',
      lotCode,
      countedQuantity,
      expectedQuantity,
    }));

  it('gives counted, expected, variance and variance % per line, and the lines out of tolerance', () => {
    const report = varianceReport(
      counts([
        ['LOT-A', 38, 40], // −2, −5 %: on the 5 % boundary, within
        ['LOT-B', 10, 12], // −2, −16.7 %: outside
        ['LOT-C', 3, 0], // found stock nobody expected: no percentage, outside
        ['LOT-D', 0, 0],
      ]),
    );
    expect(
      report.lines.map((l) => [l.lotCode, l.variance, l.variancePercent, l.withinTolerance]),
    ).toEqual([
      ['LOT-A', -2, -5, true],
      ['LOT-B', -2, (-2 / 12) * 100, false],
      ['LOT-C', 3, null, false],
      ['LOT-D', 0, 0, true],
    ]);
    expect(report.outsideTolerance.map((l) => l.id)).toEqual(['C1', 'C2']);
    expect(report.totals).toEqual({ counted: 51, expected: 52, variance: -1 });
  });

  it('honours an absolute tolerance in units', () => {
    const report = varianceReport(
      counts([
        ['LOT-B', 10, 12],
        ['LOT-C', 3, 0],
      ]),
      {
        tolerance: { percent: 0, units: 2 },
      },
    );
    expect(report.lines.map((l) => l.withinTolerance)).toEqual([true, false]);
  });

  it('lists the sheet lines nobody counted, and reads a session from the ledger', () => {
    const sheet = countSheet(balances.values(), SHELF);
    const events = [
      makeEvent({
        id: 'K1',
        type: 'count',
        lotCode: 'LOT-B',
        countedQuantity: 12,
        expectedQuantity: 12,
        countSessionId: 'CS-1',
      }),
      makeEvent({
        id: 'K2',
        type: 'count',
        lotCode: 'LOT-A',
        countedQuantity: 1,
        expectedQuantity: 40,
        countSessionId: 'CS-2',
      }),
    ];
    const report = varianceReport(sessionCounts(events, 'CS-1'), { sheet });
    expect(report.lines.map((l) => l.id)).toEqual(['K1']);
    expect(report.notCounted.map((l) => l.lotCode)).toEqual(['LOT-A', '']);
  });
});
