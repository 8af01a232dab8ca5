import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Balance } from '../../shared/inventory/balance';
import { noRecalls } from '../../shared/inventory/availability';
import type { SupplyRequest } from '../../shared/model';
import { buildPickList, isPickable, pickFits } from '../../shared/replenishment/pick-list';

const TODAY = '2026-12-04';
const shelf = (locationId: string) => locationId.startsWith('LOC-');
const lot = (
  lotCode: string,
  onHand: number,
  expiry: string | undefined,
  locationId = 'LOC-A1',
  quarantined = 0,
): Balance => ({
  locationId,
  itemId: 'ITM-1',
  lotCode,
  ...(expiry ? { expiry } : {}),
  onHand,
  quarantined,
  lastEventId: 'EV-0',
  lastOccurredAt: '2026-11-01T00:00:00Z',
});

const request = (
  quantity: number,
  history: SupplyRequest['history'] = [],
  status: SupplyRequest['status'] = 'approved',
): Pick<SupplyRequest, 'lines' | 'history' | 'status'> => ({
  lines: [{ itemId: 'ITM-1', quantity }],
  history,
  status,
});

describe('the pick list for a request', () => {
  it('takes the earliest expiry first, never an expired, recalled or quarantined unit, nor a department’s stock', () => {
    const balances = [
      lot('LATE', 50, '2028-01-31'),
      lot('SOON', 3, '2027-01-10', 'LOC-A2'),
      lot('GONE', 9, '2026-11-30'),
      lot('BAD', 9, '2027-01-01'),
      lot('HELD', 4, '2027-01-02', 'LOC-A1', 4),
      lot('WARD', 9, '2026-12-20', 'DEP-ICU'),
    ];
    const [line] = buildPickList(
      request(10),
      balances,
      TODAY,
      (_item, lotCode) => lotCode === 'BAD',
      shelf,
    );
    expect(line!.picks.map((p) => [p.lotCode, p.locationId, p.quantity])).toEqual([
      ['SOON', 'LOC-A2', 3],
      ['LATE', 'LOC-A1', 7],
    ]);
    expect(line!.skipped.map((s) => [s.lotCode, s.cause]).sort()).toEqual([
      ['BAD', 'recalled'],
      ['GONE', 'expired'],
      ['HELD', 'quarantined'],
    ]);
    expect(line!.shortfall).toBe(0);
  });

  it('picks only what earlier shipments left, and says what it cannot cover', () => {
    const shippedSix = request(10, [
      {
        status: 'shipped',
        at: '2026-12-04T01:00:00Z',
        by: 'USR-TECH',
        lines: [{ itemId: 'ITM-1', quantity: 6 }],
      },
    ]);
    const [line] = buildPickList(shippedSix, [lot('A', 1, '2027-05-01')], TODAY, noRecalls, shelf);
    expect(line).toMatchObject({ requested: 10, shipped: 6, outstanding: 4, shortfall: 3 });
  });

  it('never offers more than is outstanding or usable, in expiry order (property)', () => {
    const balance = fc.record({
      lotCode: fc.constantFrom('A', 'B', 'C', 'D', 'E'),
      onHand: fc.integer({ min: -5, max: 40 }),
      quarantined: fc.integer({ min: 0, max: 10 }),
      expiry: fc.option(
        fc
          .integer({ min: -30, max: 900 })
          .map((d) =>
            new Date(Date.parse(`${TODAY}T00:00:00Z`) + d * 86_400_000).toISOString().slice(0, 10),
          ),
        { nil: undefined },
      ),
      locationId: fc.constantFrom('LOC-A1', 'LOC-A2', 'DEP-ICU'),
    });
    fc.assert(
      fc.property(
        fc.uniqueArray(balance, { selector: (b) => `${b.locationId}|${b.lotCode}`, maxLength: 10 }),
        fc.integer({ min: 1, max: 120 }),
        fc.constantFrom('A', 'B', 'none'),
        (rows, quantity, recalledLot) => {
          const balances = rows.map((r) =>
            lot(r.lotCode, r.onHand, r.expiry, r.locationId, r.quarantined),
          );
          const isRecalled = (_i: string, lotCode: string) => lotCode === recalledLot;
          const [line] = buildPickList(request(quantity), balances, TODAY, isRecalled, shelf);
          const taken = line!.picks.reduce((sum, p) => sum + p.quantity, 0);
          expect(taken + line!.shortfall).toBe(quantity);
          for (const pick of line!.picks) {
            expect(pick.locationId).not.toBe('DEP-ICU');
            expect(pick.lotCode).not.toBe(recalledLot);
            expect(pick.expiry === undefined || pick.expiry >= TODAY).toBe(true);
            const source = balances.find(
              (b) => b.locationId === pick.locationId && b.lotCode === pick.lotCode,
            )!;
            expect(pick.quantity).toBeLessThanOrEqual(source.onHand - source.quarantined);
          }
          const expiries = line!.picks.map((p) => p.expiry ?? '9999-12-31');
          expect(expiries).toEqual([...expiries].sort());
        },
      ),
    );
  });

  it('is pickable once decided: approved, picking, shipped in part, or acknowledged with no approval demanded', () => {
    const ack = (levels: number) => [
      { status: 'acknowledged' as const, at: '2026-12-04T00:00:00Z', by: 'USR-SUP', levels },
    ];
    expect(isPickable(request(5, [], 'approved'))).toBe(true);
    expect(isPickable(request(5, [], 'picking'))).toBe(true);
    expect(isPickable(request(5, ack(0), 'acknowledged'))).toBe(true);
    expect(isPickable(request(5, ack(1), 'acknowledged'))).toBe(false);
    expect(isPickable(request(5, [], 'submitted'))).toBe(false);
    expect(isPickable(request(5, [], 'received'))).toBe(false);
    const partly = [
      {
        status: 'shipped' as const,
        at: '2026-12-04T01:00:00Z',
        by: 'USR-TECH',
        lines: [{ itemId: 'ITM-1', quantity: 2 }],
      },
    ];
    expect(isPickable(request(5, partly, 'shipped'))).toBe(true);
    expect(isPickable(request(2, partly, 'shipped'))).toBe(false);
  });

  it('a scanned unit fits only an outstanding line of the request', () => {
    const lines = buildPickList(request(3), [lot('A', 10, '2027-01-01')], TODAY, noRecalls, shelf);
    expect(pickFits(lines, new Map(), 'ITM-1', 3)).toEqual({ ok: true });
    expect(pickFits(lines, new Map([['ITM-1', 2]]), 'ITM-1', 2)).toMatchObject({
      code: 'PICK_OVER',
    });
    expect(pickFits(lines, new Map(), 'ITM-9', 1)).toMatchObject({ code: 'PICK_NOT_ON_REQUEST' });
  });
});
