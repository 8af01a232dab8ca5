import { describe, expect, it } from 'vitest';
import {
  COUNT_AWAITING_APPROVAL,
  approvalOf,
  decisionIdFor,
  sendBackOf,
} from '../../shared/inventory/count-review';
import { balanceKey, countSheet, foldLedger } from '../../shared/inventory';
import { finishShelfDrafts, notScannedLines } from '../../shared/inventory/finish-shelf';
import type { StockEvent } from '../../shared/model';

const base = {
  facilityId: 'FAC-1',
  itemId: 'ITM-1',
  lotCode: 'L1',
  locationId: 'LOC-A1',
};

let seq = 0;
const event = (fields: Partial<StockEvent> & Pick<StockEvent, 'type'>): StockEvent => ({
  ...base,
  id: `evt-${(seq += 1)}`,
  deviceId: 'PC-1',
  deviceSeq: seq,
  actorId: 'USR-TECH',
  occurredAt: `2026-11-23T0${seq % 10}:00:00.000Z`,
  quantity: 0,
  ...fields,
});

const received = event({ type: 'receive', quantity: 500, occurredAt: '2026-11-22T10:00:00.000Z' });
const pending = event({
  type: 'count',
  countedQuantity: 0,
  expectedQuantity: 500,
  reason: COUNT_AWAITING_APPROVAL,
  occurredAt: '2026-11-23T02:00:00.000Z',
});
const decided = (
  draft: ReturnType<typeof approvalOf>,
  deviceId: string,
  at: string,
): StockEvent => ({
  ...draft,
  ...base,
  id: decisionIdFor(pending.id),
  deviceId,
  deviceSeq: 99,
  actorId: 'USR-SUP',
  occurredAt: at,
});

const onHandAfter = (events: StockEvent[]) => {
  const fold = foldLedger(events);
  return {
    onHand: fold.balances.get(balanceKey('LOC-A1', 'ITM-1', 'L1'))?.onHand,
    anomalies: fold.anomalies,
  };
};

describe('the fold and a count awaiting approval', () => {
  it('a pending count changes nothing; its approval changes the stock by counted − expected', () => {
    expect(onHandAfter([received, pending]).onHand).toBe(500);
    const approval = decided(approvalOf(pending), 'PC-1', '2026-11-23T08:00:00.000Z');
    const after = onHandAfter([received, pending, approval]);
    expect(after.onHand).toBe(0);
    // The approval's expected quantity is from counting time: not a count-basis anomaly.
    expect(after.anomalies.map((a) => a.code)).not.toContain('count-basis-differs');
  });

  it('two PCs deciding offline (approve here, send back there) never change the stock twice', () => {
    const approval = decided(approvalOf(pending), 'PC-1', '2026-11-23T08:00:00.000Z');
    const approvalElsewhere = decided(approvalOf(pending), 'PC-2', '2026-11-23T08:30:00.000Z');
    const back = decided(sendBackOf(pending, 'recount'), 'PC-2', '2026-11-23T08:10:00.000Z');
    for (const order of [
      [received, pending, approval, approvalElsewhere],
      [received, approvalElsewhere, pending, approval],
    ]) {
      const twice = onHandAfter(order);
      expect(twice.onHand).toBe(0);
      expect(twice.anomalies.map((a) => a.code)).toContain('conflicting-duplicate');
    }
    const a = onHandAfter([received, pending, approval, back]);
    const b = onHandAfter([back, approval, pending, received]);
    expect(a.onHand).toBe(b.onHand);
    expect([0, 500]).toContain(a.onHand);
    expect(a.anomalies.map((x) => x.code)).toContain('conflicting-duplicate');
  });
});

describe('finish shelf', () => {
  it('zeroes only the lots not scanned, each waiting for a supervisor unless within tolerance', () => {
    const balances = [
      { locationId: 'LOC-A1', itemId: 'ITM-1', lotCode: 'L1', onHand: 40, quarantined: 0 },
      { locationId: 'LOC-A1', itemId: 'ITM-1', lotCode: 'L2', onHand: 7, quarantined: 0 },
      { locationId: 'LOC-A1', itemId: 'ITM-2', lotCode: 'M1', onHand: 0, quarantined: 0 },
      { locationId: 'LOC-B', itemId: 'ITM-1', lotCode: 'L9', onHand: 3, quarantined: 0 },
    ].map((b) => ({ ...b, lastEventId: 'e', lastOccurredAt: '2026-11-01T00:00:00Z' }));
    const ledgerNow = new Map(
      balances.map((b) => [balanceKey(b.locationId, b.itemId, b.lotCode), b]),
    );
    const sheet = countSheet(balances, 'LOC-A1');
    const scanned = new Set([balanceKey('LOC-A1', 'ITM-1', 'L1')]);
    const missing = notScannedLines(sheet, scanned);
    expect(missing.map((l) => l.lotCode)).toEqual(['L2']);
    const drafts = finishShelfDrafts(missing, ledgerNow, 'CNT-1');
    expect(drafts).toEqual([
      expect.objectContaining({
        lotCode: 'L2',
        countedQuantity: 0,
        expectedQuantity: 7,
        reason: COUNT_AWAITING_APPROVAL,
        countSessionId: 'CNT-1',
      }),
    ]);
  });
});
