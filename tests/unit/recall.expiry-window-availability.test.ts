import { describe, expect, it } from 'vitest';
import { splitBalance, validateStockEvent, type IsRecalled } from '../../shared/inventory';
import type { Balance } from '../../shared/inventory/balance';
import { recalledLotIndex } from '../../shared/recall/recalled-lot-index';
import { BARE, CATHETER } from '../fixtures/recall/notices';

/** A notice that names no lots, only the units expiring in March 2027. */
const WINDOW = { ...BARE, expiryFrom: '2027-03-01', expiryTo: '2027-03-31' };
const index = recalledLotIndex([WINDOW], [CATHETER]);
const isRecalled: IsRecalled = (itemId, lotCode, expiry) =>
  index.blocks(itemId, lotCode, undefined, expiry);

const balance = (expiry: string | undefined): Balance => ({
  locationId: 'LOC-A1',
  itemId: CATHETER.id,
  lotCode: 'ANY42',
  onHand: 12,
  quarantined: 0,
  lastEventId: 'evt-0',
  lastOccurredAt: '2026-11-20T08:00:00Z',
  ...(expiry ? { expiry } : {}),
});

describe('a recall naming only an expiry window reaches the stock on hand', () => {
  it('quarantines a balance whose expiry falls in the window, whatever its lot', () => {
    const split = splitBalance(balance('2027-03-15'), '2026-11-24', isRecalled);
    expect(split).toMatchObject({ recalled: true, quarantined: 12, available: 0 });
  });

  it('leaves a balance expiring outside the window available', () => {
    const split = splitBalance(balance('2027-04-01'), '2026-11-24', isRecalled);
    expect(split).toMatchObject({ recalled: false, quarantined: 0, available: 12 });
  });

  it('refuses to issue a unit whose label shows an expiry in the window', () => {
    const problems = validateStockEvent(
      {
        id: 'evt-1',
        type: 'issue',
        facilityId: 'FAC-DEMO',
        deviceId: 'DEV-1',
        deviceSeq: 1,
        actorId: 'USR-TECH',
        occurredAt: '2026-11-24T08:00:00Z',
        itemId: CATHETER.id,
        lotCode: 'ANY42',
        expiry: '2027-03-15',
        locationId: 'LOC-A1',
        toLocationId: 'DEP-ICU',
        quantity: 1,
      },
      { today: '2026-11-24', isRecalled, balance: balance('2027-03-15') },
    );
    expect(problems.map((p) => p.code)).toContain('lot-recalled');
  });
});
