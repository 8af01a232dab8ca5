import { describe, expect, it } from 'vitest';
import {
  applyEvent,
  countSheet,
  createLedgerState,
  foldLedger,
  recordCount,
} from '../../shared/inventory';
import type { StockEvent } from '../../shared/model';
import { WARD, at, key, makeEvent } from '../fixtures/inventory/ledger-events';

/**
 * The rule under test (count-reconciliation.ts): a count adds counted − expected, where expected is
 * what the counting PC's ledger said when the line was counted. So the final on-hand is
 *
 *     counted + every movement the counting PC did not yet know about when it counted
 *
 * Those unknown movements are the ones "after the count" as far as the count is concerned: they are
 * kept, never overwritten, whenever they happened and in whatever order they sync.
 *
 * Story: 10 units are received at 08:00 and synced everywhere. The tech on PC-1 counts shelf A1 at
 * 10:00. Meanwhile a colleague on PC-2 issues 3 units to the ICU. PC-2 is offline, so PC-1's ledger
 * still says 10 when the shelf is counted.
 */
const receipt = makeEvent({ id: 'RCV', type: 'receive', quantity: 10, occurredAt: at('08:00') });
const count = (counted: number, expected: number, id = 'CNT', seq = 2, device = 'PC-1') =>
  makeEvent({
    id,
    type: 'count',
    countedQuantity: counted,
    expectedQuantity: expected,
    deviceId: device,
    deviceSeq: seq,
    occurredAt: at('10:00'),
  });
const issueAt = (time: string) =>
  makeEvent({
    id: 'ISS',
    type: 'issue',
    quantity: 3,
    toLocationId: WARD,
    deviceId: 'PC-2',
    deviceSeq: 1,
    occurredAt: at(time),
  });

/** The same final answer in every arrival order, batch and incremental. */
function finalOnHand(events: StockEvent[]) {
  const results = new Set<string>();
  for (const order of [events, [...events].reverse()]) {
    const batch = foldLedger(order);
    const state = createLedgerState();
    for (const e of order) applyEvent(state, e);
    expect(state.balances).toEqual(batch.balances);
    results.add(
      JSON.stringify([batch.balances.get(key())?.onHand, batch.anomalies.map((a) => a.code)]),
    );
  }
  expect(results.size).toBe(1);
  const batch = foldLedger(events);
  return { onHand: batch.balances.get(key())?.onHand, codes: batch.anomalies.map((a) => a.code) };
}

describe('a count while stock moves', () => {
  it('keeps an issue made after the shelf was counted (later occurredAt): 10 counted − 3 = 7', () => {
    expect(finalOnHand([receipt, count(10, 10), issueAt('10:05')])).toEqual({
      onHand: 7,
      codes: [],
    });
  });

  it('keeps an issue the counting PC already knew about (it is in expected): 7 counted = 7', () => {
    expect(finalOnHand([receipt, issueAt('09:55'), count(7, 7)])).toEqual({ onHand: 7, codes: [] });
  });

  it('keeps a movement recorded on the counting PC itself after the line was counted', () => {
    const sameDevice = makeEvent({
      ...issueAt('10:02'),
      deviceId: 'PC-1',
      deviceSeq: 3,
    });
    expect(finalOnHand([receipt, count(10, 10), sameDevice])).toEqual({ onHand: 7, codes: [] });
  });

  it('keeps what happened between an offline count and its sync', () => {
    const later = [
      issueAt('11:00'),
      makeEvent({
        id: 'RCV2',
        type: 'receive',
        quantity: 5,
        deviceId: 'PC-2',
        deviceSeq: 2,
        occurredAt: at('12:00'),
      }),
    ];
    // counted 9 (one unit missing at 10:00), then −3 and +5 that the count never saw.
    expect(finalOnHand([receipt, count(9, 10), ...later])).toEqual({ onHand: 11, codes: [] });
  });

  it('flags, without guessing, an unknown issue stamped before the count (earlier occurredAt)', () => {
    // PC-1 did not know of the 09:55 issue (expected 10). The data cannot tell whether the three
    // units had left the shelf when it was counted, so both stories give the rule's answer and
    // both are flagged for a recount: in time order the ledger held 7 when the count said 10.
    const unitsGone = finalOnHand([receipt, issueAt('09:55'), count(7, 10)]);
    expect(unitsGone).toEqual({ onHand: 4, codes: ['count-basis-differs'] });
    const unitsStillThere = finalOnHand([receipt, issueAt('09:55'), count(10, 10)]);
    expect(unitsStillThere).toEqual({ onHand: 7, codes: ['count-basis-differs'] });
    // The recount (expected 4 now that everything has synced) sets it right and clears nothing
    // silently: the first count stays flagged in the ledger's history.
    const recount = makeEvent({ ...count(7, 4, 'CNT-2', 3), occurredAt: at('11:00') });
    expect(finalOnHand([receipt, issueAt('09:55'), count(7, 10), recount])).toEqual({
      onHand: 7,
      codes: ['count-basis-differs'],
    });
  });

  it('flags a second count of the same shelf made on a PC that had not seen the first', () => {
    const first = count(7, 10, 'CNT-1', 2, 'PC-1');
    const second = makeEvent({ ...count(7, 10, 'CNT-2', 1, 'PC-3'), occurredAt: at('10:30') });
    const result = finalOnHand([receipt, first, second]);
    expect(result).toEqual({ onHand: 4, codes: ['count-basis-differs'] });
    expect(foldLedger([receipt, first, second]).anomalies[0]!.eventIds).toEqual(['CNT-2']);
  });

  it('captures expected when the line is counted, not when the sheet was printed', () => {
    const state = createLedgerState();
    applyEvent(state, receipt);
    const sheet = countSheet(state.balances.values(), 'LOC-A1');
    // An issue on this PC after the sheet was printed and before the shelf was counted.
    applyEvent(state, makeEvent({ ...issueAt('09:30'), deviceId: 'PC-1', deviceSeq: 2 }));
    const entry = recordCount(sheet.lines[0]!, 7, state.balances, 'CS-1');
    expect(entry.ok && entry.draft.expectedQuantity).toBe(7);
    if (!entry.ok) return;
    applyEvent(
      state,
      makeEvent({
        ...entry.draft,
        id: 'CNT',
        deviceId: 'PC-1',
        deviceSeq: 3,
        occurredAt: at('10:00'),
      }),
    );
    expect(state.balances.get(key())?.onHand).toBe(7);
  });
});
