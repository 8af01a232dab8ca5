import { describe, expect, it } from 'vitest';
import {
  applyEvent,
  compareCanonical,
  createLedgerState,
  foldLedger,
  ledgerAnomalies,
  sortCanonical,
} from '../../shared/inventory';
import { WARD, at, key, makeEvent } from '../fixtures/inventory/ledger-events';

const receive = makeEvent({
  id: 'RCV',
  type: 'receive',
  quantity: 10,
  deviceId: 'DEV-1',
  occurredAt: at('09:00'),
});
const issue = makeEvent({
  id: 'ISS',
  type: 'issue',
  quantity: 4,
  toLocationId: WARD,
  deviceId: 'DEV-2',
  occurredAt: at('08:00'),
});

describe('the canonical order', () => {
  it('orders by the instant (offsets included), then device, sequence and id', () => {
    const a = makeEvent({
      id: 'a',
      type: 'receive',
      occurredAt: '2026-11-02T09:00:00+01:00',
      deviceId: 'DEV-2',
    });
    const b = makeEvent({
      id: 'b',
      type: 'receive',
      occurredAt: '2026-11-02T08:30:00Z',
      deviceId: 'DEV-1',
    });
    const c = makeEvent({
      id: 'c',
      type: 'receive',
      occurredAt: '2026-11-02T08:00:00Z',
      deviceId: 'DEV-3',
    });
    const d = makeEvent({
      id: 'd',
      type: 'receive',
      occurredAt: '2026-11-02T08:00:00.000Z',
      deviceId: 'DEV-3',
      deviceSeq: 2,
    });
    const e = makeEvent({
      id: 'e',
      type: 'receive',
      occurredAt: '2026-11-02T08:00:00Z',
      deviceId: 'DEV-10',
    });
    // a, c, d and e happened at the same instant (09:00+01:00 is 08:00Z): device ids then decide,
    // compared as text (DEV-10 before DEV-2), then DEV-3's own sequence.
    expect(sortCanonical([d, b, a, e, c]).map((x) => x.id)).toEqual(['e', 'a', 'c', 'd', 'b']);
    expect(compareCanonical(a, a)).toBe(0);
  });
});

describe('ledger anomalies', () => {
  it('allow a negative on-hand while a receipt has not synced, and report it', () => {
    const state = createLedgerState();
    applyEvent(state, issue);
    expect(state.balances.get(key())?.onHand).toBe(-4);
    const [negative] = ledgerAnomalies(state);
    expect(negative).toMatchObject({
      code: 'negative-on-hand',
      locationId: 'LOC-A1',
      lotCode: 'LOT-A',
    });
    expect(negative!.message).toContain('A receipt may not have synced yet');
    applyEvent(state, receive);
    expect(state.balances.get(key())).toMatchObject({ onHand: 6, lastEventId: 'RCV' });
    expect(ledgerAnomalies(state)).toEqual([]);
  });

  it('report quarantine out of range: released before quarantined, or more than on hand', () => {
    const release = makeEvent({ id: 'REL', type: 'release', quantity: 2, occurredAt: at('10:00') });
    expect(foldLedger([receive, release]).anomalies.map((a) => a.code)).toEqual([
      'negative-quarantine',
    ]);
    const hold = makeEvent({
      id: 'Q',
      type: 'quarantine',
      quantity: 8,
      reason: 'hold',
      occurredAt: at('10:00'),
    });
    expect(foldLedger([receive, issue, hold]).anomalies.map((a) => a.code)).toEqual([
      'quarantine-exceeds-on-hand',
    ]);
  });

  it('skip an event with no defined effect, keep the rest, and report it with its cause', () => {
    const loop = makeEvent({
      id: 'BAD',
      type: 'transfer',
      quantity: 3,
      toLocationId: 'LOC-A1',
      occurredAt: at('10:00'),
    });
    const { balances, anomalies } = foldLedger([receive, loop]);
    expect(balances.get(key())?.onHand).toBe(10);
    expect(anomalies).toEqual([
      expect.objectContaining({
        code: 'unusable-event',
        cause: 'same-location',
        eventIds: ['BAD'],
      }),
    ]);
  });

  it('treat a re-delivered event as one, and keep the same one of two different events under one id', () => {
    const twin = { ...receive, quantity: 99 };
    for (const order of [
      [receive, receive, twin],
      [twin, receive],
      [receive, twin, receive],
    ]) {
      const fold = foldLedger(order);
      expect(fold.balances.get(key())?.onHand).toBe(10);
      expect(fold.anomalies.map((a) => [a.code, a.eventIds])).toEqual([
        ['conflicting-duplicate', ['RCV']],
      ]);
    }
    const state = createLedgerState();
    expect(applyEvent(state, twin).outcome).toBe('applied');
    expect(applyEvent(state, twin).outcome).toBe('already-known');
    expect(applyEvent(state, receive)).toEqual({
      outcome: 'replaced',
      changedBalanceKeys: [key()],
    });
    expect(applyEvent(state, twin).outcome).toBe('kept-existing');
    expect(state.balances.get(key())?.onHand).toBe(10);
  });

  it('ignore an unreadable expiry on a label, keep the movement and say so', () => {
    const bad = makeEvent({
      id: 'X',
      type: 'receive',
      quantity: 1,
      expiry: '2027-02-30',
      occurredAt: at('10:00'),
    });
    const good = makeEvent({
      id: 'Y',
      type: 'receive',
      quantity: 1,
      expiry: '2027-02-28',
      occurredAt: at('09:30'),
    });
    const { balances, anomalies } = foldLedger([good, bad]);
    expect(balances.get(key())).toMatchObject({ onHand: 2, expiry: '2027-02-28' });
    expect(anomalies.map((a) => a.code)).toEqual(['expiry-unreadable']);
  });

  it('take the expiry of the latest label in canonical order, never blanking it', () => {
    const first = makeEvent({
      id: 'A',
      type: 'receive',
      quantity: 1,
      expiry: '2027-01-31',
      occurredAt: at('08:00'),
    });
    const noLabel = makeEvent({ id: 'B', type: 'receive', quantity: 1, occurredAt: at('09:00') });
    const { balances } = foldLedger([noLabel, first]);
    expect(balances.get(key())?.expiry).toBe('2027-01-31');
  });

  it('give the lot expiry to every location holding it, even where no label was scanned', () => {
    const transfer = makeEvent({
      id: 'T',
      type: 'transfer',
      quantity: 2,
      toLocationId: 'LOC-B1',
      occurredAt: at('10:00'),
    });
    const labelled = { ...receive, expiry: '2027-04-30' };
    const state = createLedgerState();
    applyEvent(state, transfer);
    expect(state.balances.get(key('LOC-B1'))?.expiry).toBeUndefined();
    expect(applyEvent(state, labelled).changedBalanceKeys).toEqual([key(), key('LOC-B1')].sort());
    expect(state.balances.get(key('LOC-B1'))?.expiry).toBe('2027-04-30');
  });

  it('list anomalies in a stable order', () => {
    const { anomalies } = foldLedger([
      makeEvent({ id: 'N2', type: 'issue', quantity: 1, toLocationId: WARD, locationId: 'LOC-B' }),
      makeEvent({ id: 'N1', type: 'issue', quantity: 1, toLocationId: WARD, locationId: 'LOC-A' }),
      makeEvent({ id: 'U', type: 'adjust', reason: 'found' }),
    ]);
    expect(anomalies.map((a) => [a.code, a.locationId])).toEqual([
      ['negative-on-hand', 'LOC-A'],
      ['negative-on-hand', 'LOC-B'],
      ['unusable-event', undefined],
    ]);
  });
});
