import { describe, expect, it } from 'vitest';
import { applyEvent, createLedgerState, foldLedger, ledgerAnomalies } from '../../shared/inventory';
import type { StockEvent } from '../../shared/model';
import { WARD, at, key, makeEvent } from '../fixtures/inventory/ledger-events';

const receive = makeEvent({ id: 'RCV', type: 'receive', quantity: 10, occurredAt: at('08:00') });
const issue = makeEvent({
  id: 'ISS',
  type: 'issue',
  quantity: 3,
  toLocationId: WARD,
  deviceSeq: 2,
  occurredAt: at('09:00'),
});
const reverse = (id: string, target: string, seq: number, time: string, device = 'DEV-1') =>
  makeEvent({
    id,
    type: 'reversal',
    reverses: target,
    deviceId: device,
    deviceSeq: seq,
    occurredAt: at(time),
  });

const onHand = (events: StockEvent[]) => foldLedger(events).balances.get(key())?.onHand;
const codes = (events: StockEvent[]) => foldLedger(events).anomalies.map((a) => a.code);

describe('reversals', () => {
  it('cancel the event they name', () => {
    expect(onHand([receive, issue])).toBe(7);
    expect(onHand([receive, issue, reverse('R1', 'ISS', 3, '10:00')])).toBe(10);
  });

  it('work when the reversal syncs before the event it cancels, incrementally too', () => {
    const r1 = reverse('R1', 'ISS', 1, '10:00', 'DEV-2');
    expect(onHand([r1, receive, issue])).toBe(10);
    const state = createLedgerState();
    applyEvent(state, receive);
    applyEvent(state, r1);
    expect(state.balances.get(key())?.onHand).toBe(10);
    expect(ledgerAnomalies(state).map((a) => a.code)).toEqual(['reversal-target-unknown']);
    const applied = applyEvent(state, issue);
    expect(applied.changedBalanceKeys).toEqual([key()]);
    expect(state.balances.get(key())?.onHand).toBe(10);
    expect(ledgerAnomalies(state)).toEqual([]);
  });

  it('work when the reversal carries an earlier device time than its target (clock skew)', () => {
    expect(onHand([receive, issue, reverse('R1', 'ISS', 1, '07:00', 'DEV-2')])).toBe(10);
  });

  it('restore the event when the reversal is itself reversed, and cancel again on a third', () => {
    const r1 = reverse('R1', 'ISS', 3, '10:00');
    const r2 = reverse('R2', 'R1', 4, '10:05');
    const r3 = reverse('R3', 'R2', 5, '10:10');
    expect(onHand([receive, issue, r1, r2])).toBe(7);
    expect(onHand([receive, issue, r1, r2, r3])).toBe(10);
    expect(onHand([r3, r2, issue, r1, receive])).toBe(10);
  });

  it('apply once when an event is reversed twice, and report the second', () => {
    const r1 = reverse('R1', 'ISS', 3, '10:00');
    const r2 = reverse('R2', 'ISS', 1, '10:30', 'DEV-2');
    const { balances, anomalies } = foldLedger([receive, issue, r2, r1]);
    expect(balances.get(key())?.onHand).toBe(10);
    expect(anomalies).toHaveLength(1);
    expect(anomalies[0]).toMatchObject({ code: 'already-reversed', eventIds: ['R1', 'R2'] });
    expect(anomalies[0]!.message).toContain('Reversal R2');
  });

  it('let a second reversal act when the first one is reversed', () => {
    const r1 = reverse('R1', 'ISS', 3, '10:00');
    const r2 = reverse('R2', 'ISS', 4, '10:30');
    const r3 = reverse('R3', 'R1', 5, '11:00');
    expect(onHand([receive, issue, r1, r2, r3])).toBe(10);
    expect(codes([receive, issue, r1, r2, r3])).toEqual([]);
  });

  it('report a reversal of an event never received, and apply nothing', () => {
    const ghost = reverse('R1', 'NOPE', 3, '10:00');
    expect(onHand([receive, issue, ghost])).toBe(7);
    const { anomalies } = foldLedger([receive, issue, ghost]);
    expect(anomalies.map((a) => [a.code, a.eventIds])).toEqual([
      ['reversal-target-unknown', ['R1']],
    ]);
  });

  it('cancel the named event even when the reversal names other stock, and say so', () => {
    const wrong = makeEvent({
      id: 'R1',
      type: 'reversal',
      reverses: 'ISS',
      lotCode: 'LOT-B',
      deviceSeq: 3,
      occurredAt: at('10:00'),
    });
    const { balances, anomalies } = foldLedger([receive, issue, wrong]);
    expect(balances.get(key())?.onHand).toBe(10);
    expect(balances.has(key(undefined, 'LOT-B'))).toBe(false);
    expect(anomalies.map((a) => a.code)).toEqual(['reversal-mismatch']);
  });

  it('report reversals that reverse each other in a loop and let none of them act', () => {
    const a = reverse('RA', 'RB', 3, '10:00');
    const b = reverse('RB', 'RA', 4, '10:01');
    for (const order of [
      [receive, a, b],
      [b, receive, a],
    ]) {
      const { balances, anomalies } = foldLedger(order);
      expect(balances.get(key())?.onHand).toBe(10);
      expect(anomalies.map((x) => [x.code, x.eventIds])).toEqual([
        ['reversal-cycle', ['RA', 'RB']],
      ]);
    }
    const state = createLedgerState();
    for (const e of [b, receive, a]) applyEvent(state, e);
    expect(ledgerAnomalies(state).map((x) => x.code)).toEqual(['reversal-cycle']);
  });

  it('move the lot expiry back when the receipt that carried it is reversed', () => {
    const first = makeEvent({ id: 'R-OLD', type: 'receive', quantity: 5, expiry: '2027-01-31' });
    const typo = makeEvent({
      id: 'R-TYPO',
      type: 'receive',
      quantity: 5,
      expiry: '2072-01-31',
      deviceSeq: 2,
      occurredAt: at('08:30'),
    });
    const fix = reverse('FIX', 'R-TYPO', 3, '08:45');
    const before = foldLedger([first, typo]);
    expect(before.balances.get(key())?.expiry).toBe('2072-01-31');
    expect(before.anomalies.map((a) => a.code)).toEqual(['expiry-conflict']);
    const after = foldLedger([first, typo, fix]);
    expect(after.balances.get(key())).toMatchObject({ expiry: '2027-01-31', onHand: 5 });
    expect(after.anomalies).toEqual([]);
  });
});
