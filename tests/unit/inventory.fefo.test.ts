import { describe, expect, it } from 'vitest';
import { type Balance, noRecalls, suggestFefo } from '../../shared/inventory';

const TODAY = '2026-11-02';
const lot = (
  lotCode: string,
  onHand: number,
  expiry?: string,
  extra: Partial<Balance> = {},
): Balance => ({
  locationId: 'LOC-A1',
  itemId: 'ITM-1001',
  lotCode,
  ...(expiry ? { expiry } : {}),
  onHand,
  quarantined: 0,
  lastEventId: 'E',
  lastOccurredAt: '2026-11-01T08:00:00Z',
  ...extra,
});

const picks = (balances: Balance[], quantity: number, isRecalled = noRecalls) => {
  const result = suggestFefo(balances, quantity, TODAY, isRecalled);
  if (!result.ok) throw new Error(result.error.code);
  return result.suggestion;
};

describe('FEFO suggestions', () => {
  it('take the earliest expiry first and lots without expiry last', () => {
    const s = picks(
      [
        lot('NOEXP', 50),
        lot('LATE', 5, '2027-06-30'),
        lot('SOON', 4, '2026-12-01'),
        lot('MID', 3, '2027-01-15'),
      ],
      10,
    );
    expect(s.picks.map((p) => [p.lotCode, p.quantity])).toEqual([
      ['SOON', 4],
      ['MID', 3],
      ['LATE', 3],
    ]);
    expect(s.shortfall).toBe(0);
    expect(s.picks[0]!.reason).toBe(
      'Take 4 from lot SOON at LOC-A1: it expires 2026-12-01, in 29 days, the earliest expiry of the usable lots.',
    );
    expect(s.picks[1]!.reason).toContain('next after lot SOON');
    expect(s.explanation).toMatch(/^Take 4 from lot SOON at LOC-A1, then 3 from lot MID/);
  });

  it('reach the no-expiry lots only when the dated ones run out', () => {
    const s = picks([lot('NOEXP', 50), lot('SOON', 4, '2026-12-01')], 6);
    expect(s.picks.map((p) => [p.lotCode, p.quantity])).toEqual([
      ['SOON', 4],
      ['NOEXP', 2],
    ]);
    expect(s.picks[1]!.reason).toContain('no expiry, so it goes after every dated lot');
  });

  it('offer a lot on its expiry day but never an expired, quarantined or recalled one', () => {
    const recalled = (_item: string, lotCode: string) => lotCode === 'RECALLED';
    const s = picks(
      [
        lot('EXPIRED', 9, '2026-11-01'),
        lot('TODAY', 2, '2026-11-02'),
        lot('RECALLED', 9, '2026-11-05'),
        lot('HELD', 9, '2026-11-06', { quarantined: 9 }),
        lot('PART', 5, '2026-11-20', { quarantined: 2 }),
      ],
      10,
      recalled,
    );
    expect(s.picks.map((p) => [p.lotCode, p.quantity])).toEqual([
      ['TODAY', 2],
      ['PART', 3],
    ]);
    expect(s.picks[0]!.reason).toContain('expires today');
    expect(s.shortfall).toBe(5);
    expect(s.skipped.map((k) => [k.lotCode, k.cause, k.units])).toEqual([
      ['EXPIRED', 'expired', 9],
      ['RECALLED', 'recalled', 9],
      ['HELD', 'quarantined', 9],
      ['PART', 'quarantined', 2],
    ]);
    expect(s.explanation).toContain('Short by 5 of 10: only 5 usable.');
    expect(s.explanation).toContain('9 units of lot EXPIRED at LOC-A1 expired on 2026-11-01');
  });

  it('report the whole request short when nothing is usable, and skip empty or negative lots', () => {
    const s = picks([lot('GONE', 0, '2026-12-01'), lot('DEBT', -3, '2026-12-02')], 4);
    expect(s).toMatchObject({ picks: [], shortfall: 4, skipped: [] });
    expect(s.explanation).toMatch(/^No usable stock\. Short by 4 of 4/);
  });

  it('break ties by lot code, then location, so every PC suggests the same', () => {
    const s = picks(
      [
        lot('B', 1, '2026-12-01', { locationId: 'LOC-A2' }),
        lot('B', 1, '2026-12-01'),
        lot('A', 1, '2026-12-01'),
      ],
      3,
    );
    expect(s.picks.map((p) => `${p.lotCode}@${p.locationId}`)).toEqual([
      'A@LOC-A1',
      'B@LOC-A1',
      'B@LOC-A2',
    ]);
  });

  it('refuse a quantity below 1 and lots of more than one item', () => {
    const bad = suggestFefo([lot('A', 1)], 0, TODAY, noRecalls);
    expect(bad.ok ? 'ok' : bad.error.code).toBe('quantity-invalid');
    const mixed = suggestFefo(
      [lot('A', 1), lot('B', 1, undefined, { itemId: 'ITM-2' })],
      1,
      TODAY,
      noRecalls,
    );
    expect(mixed.ok ? 'ok' : mixed.error.code).toBe('mixed-items');
  });
});
