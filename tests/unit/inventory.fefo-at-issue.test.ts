import { describe, expect, it } from 'vitest';
import type { Balance } from '../../shared/inventory/balance';
import { earlierLotAtIssue } from '../../shared/inventory/fefo-at-issue';

const lot = (
  lotCode: string,
  expiry: string | undefined,
  changes: Partial<Balance> = {},
): Balance => ({
  locationId: 'LOC-A1',
  itemId: 'ITM-IV',
  lotCode,
  ...(expiry ? { expiry } : {}),
  onHand: 10,
  quarantined: 0,
  lastEventId: 'e',
  lastOccurredAt: '2026-11-01T00:00:00Z',
  ...changes,
});
const TODAY = '2026-12-03';
const never = () => false;
const scanned = {
  itemId: 'ITM-IV',
  locationId: 'LOC-A1',
  lotCode: 'IVC2611A',
  expiry: '2028-11-30',
};

describe('FEFO at issue', () => {
  it('names an earlier-expiring lot of the item at the same location', () => {
    const found = earlierLotAtIssue(
      [lot('IVC2611A', '2028-11-30'), lot('IVC2603B', '2026-12-28', { onHand: 40 })],
      scanned,
      TODAY,
      never,
    );
    expect(found).toMatchObject({ lotCode: 'IVC2603B', expiry: '2026-12-28', available: 40 });
    expect(found?.message).toContain('Lot IVC2603B of this item expires first');
  });

  it('is silent when the scanned lot is the first to expire, or alone', () => {
    expect(
      earlierLotAtIssue(
        [lot('IVC2611A', '2028-11-30'), lot('L2', '2029-01-01')],
        scanned,
        TODAY,
        never,
      ),
    ).toBeUndefined();
    expect(
      earlierLotAtIssue([lot('IVC2611A', '2028-11-30')], scanned, TODAY, never),
    ).toBeUndefined();
  });

  it('never offers an expired, recalled, quarantined or empty lot, or one elsewhere', () => {
    const earlier = [
      lot('EXPIRED', '2026-11-01'),
      lot('RECALLED', '2026-12-10'),
      lot('HELD', '2026-12-11', { quarantined: 10 }),
      lot('EMPTY', '2026-12-12', { onHand: 0 }),
      lot('ELSEWHERE', '2026-12-13', { locationId: 'LOC-A2' }),
      lot('OTHER-ITEM', '2026-12-14', { itemId: 'ITM-X' }),
    ];
    const recalled = (_item: string, lotCode: string) => lotCode === 'RECALLED';
    expect(earlierLotAtIssue(earlier, scanned, TODAY, recalled)).toBeUndefined();
  });

  it('treats a scanned lot without expiry as expiring last', () => {
    const { expiry: _, ...noExpiry } = scanned;
    expect(earlierLotAtIssue([lot('L2', '2029-01-01')], noExpiry, TODAY, never)?.lotCode).toBe(
      'L2',
    );
  });
});
