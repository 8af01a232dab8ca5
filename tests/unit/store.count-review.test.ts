import { afterEach, describe, expect, it } from 'vitest';
import {
  COUNT_AWAITING_APPROVAL,
  approvalOf,
  countReviewQueue,
  decisionIdFor,
  sendBackOf,
} from '../../shared/inventory/count-review';
import type { StockEvent } from '../../shared/model';
import type { StockroomDatabase } from '../../renderer/store/collections';
import {
  recordEvents,
  type RecordResult,
  type WriterContext,
} from '../../renderer/store/ledger-writer';
import { openTestStore } from './store-test-db';
import { addTestUsers } from './store-test-users';

const dbs: StockroomDatabase[] = [];
afterEach(async () => {
  while (dbs.length > 0) await dbs.pop()!.close();
});

const as = (actorId: string, at = '2026-11-23T02:00:00Z'): WriterContext => ({
  facilityId: 'FAC-DEMO',
  deviceId: 'web-test',
  actorId,
  now: () => new Date(at),
  today: '2026-11-23',
  acceptWarnings: true,
});

const lot = { itemId: 'ITM-1', lotCode: 'L1', locationId: 'LOC-A1' };
const codes = (r: RecordResult) => (r.ok ? [] : r.problems.map((p) => p.code));
const onHand = async (db: StockroomDatabase) =>
  (await db.balances.findOne('LOC-A1|ITM-1|L1').exec())?.onHand;

/** 500 on the shelf; the night tech counts 0 and no supervisor is there. */
async function pendingCount(): Promise<{ db: StockroomDatabase; pending: StockEvent }> {
  const db = await openTestStore();
  dbs.push(db);
  await addTestUsers(db, 'FAC-DEMO');
  const stocked = await recordEvents(db, as('USR-ADMIN', '2026-11-22T10:00:00Z'), [
    { ...lot, type: 'receive', quantity: 500, expiry: '2027-06-30' },
  ]);
  if (!stocked.ok) throw new Error(JSON.stringify(stocked.problems));
  const counted = await recordEvents(db, as('USR-TECH'), [
    {
      ...lot,
      type: 'count',
      quantity: 0,
      countedQuantity: 0,
      expectedQuantity: 500,
      reason: COUNT_AWAITING_APPROVAL,
    },
  ]);
  if (!counted.ok) throw new Error(JSON.stringify(counted.problems));
  return { db, pending: counted.events[0]! };
}

async function queueOf(db: StockroomDatabase) {
  const events = (await db.stock_events.find().exec()).map((d) => d.toMutableJSON());
  return countReviewQueue(events, new Set(events.map((e) => e.id)), () => 2.5);
}

describe('a count outside tolerance, with no supervisor at hand', () => {
  it('is recorded as awaiting approval without a second person and changes no stock', async () => {
    const { db, pending } = await pendingCount();
    expect(pending.approvedBy).toBeUndefined();
    expect(await onHand(db)).toBe(500);
    const queue = await queueOf(db);
    expect(queue).toHaveLength(1);
    expect(queue[0]).toMatchObject({ book: 500, counted: 0, variance: -500, value: -1250 });
  });

  it('a supervisor approves it later: the stock changes by the variance, once', async () => {
    const { db, pending } = await pendingCount();
    // Stock moved between the count and the approval: the approval keeps that movement.
    await recordEvents(db, as('USR-TECH', '2026-11-23T03:00:00Z'), [
      { ...lot, type: 'receive', quantity: 20, expiry: '2027-06-30' },
    ]);
    const approved = await recordEvents(db, as('USR-SUP', '2026-11-23T08:00:00Z'), [
      { ...approvalOf(pending), decides: pending.id },
    ]);
    expect(codes(approved)).toEqual([]);
    expect(approved.ok && approved.events[0]!.id).toBe(decisionIdFor(pending.id));
    expect(await onHand(db)).toBe(20);
    expect(await queueOf(db)).toEqual([]);
    const again = await recordEvents(db, as('USR-ADMIN', '2026-11-23T08:05:00Z'), [
      { ...approvalOf(pending), decides: pending.id },
    ]);
    expect(codes(again)).toEqual(['COUNT_ALREADY_DECIDED']);
    expect(await onHand(db)).toBe(20);
  });

  it('sent back, it never changes the stock and cannot then be approved', async () => {
    const { db, pending } = await pendingCount();
    const back = await recordEvents(db, as('USR-SUP', '2026-11-23T08:00:00Z'), [
      { ...sendBackOf(pending, 'Recount shelf 1: 500 were there at 06:00'), decides: pending.id },
    ]);
    expect(codes(back)).toEqual([]);
    expect(await onHand(db)).toBe(500);
    expect(await queueOf(db)).toEqual([]);
    const late = await recordEvents(db, as('USR-SUP', '2026-11-23T08:01:00Z'), [
      { ...approvalOf(pending), decides: pending.id },
    ]);
    expect(codes(late)).toEqual(['COUNT_ALREADY_DECIDED']);
    expect(await onHand(db)).toBe(500);
  });

  it('the person who counted cannot decide it, nor can a tech', async () => {
    const { db, pending } = await pendingCount();
    const own = await recordEvents(db, as('USR-TECH', '2026-11-23T08:00:00Z'), [
      { ...approvalOf(pending), decides: pending.id },
    ]);
    expect(codes(own)).toEqual(['ROLE_NOT_PERMITTED']);
    const ownBack = await recordEvents(db, as('USR-TECH', '2026-11-23T08:00:00Z'), [
      { ...sendBackOf(pending, 'never mind'), decides: pending.id },
    ]);
    expect(codes(ownBack)).toEqual(['ROLE_NOT_PERMITTED']);
    expect(await onHand(db)).toBe(500);
  });

  it('a supervisor who counted cannot approve their own count', async () => {
    const { db } = await pendingCount();
    const counted = await recordEvents(db, as('USR-SUP'), [
      {
        ...lot,
        type: 'count',
        quantity: 0,
        countedQuantity: 100,
        expectedQuantity: 500,
        reason: COUNT_AWAITING_APPROVAL,
      },
    ]);
    if (!counted.ok) throw new Error(JSON.stringify(counted.problems));
    const mine = counted.events[0]!;
    const self = await recordEvents(db, as('USR-SUP', '2026-11-23T08:00:00Z'), [
      { ...approvalOf(mine), decides: mine.id },
    ]);
    expect(codes(self)).toEqual(['SEGREGATION_OF_DUTIES']);
  });

  it('an approval that does not repeat the pending count, or names none, is refused', async () => {
    const { db, pending } = await pendingCount();
    const altered = await recordEvents(db, as('USR-SUP', '2026-11-23T08:00:00Z'), [
      { ...approvalOf(pending), countedQuantity: 0, expectedQuantity: 900, decides: pending.id },
    ]);
    expect(codes(altered)).toEqual(['COUNT_DECISION_MISMATCH']);
    const nothing = await recordEvents(db, as('USR-SUP', '2026-11-23T08:00:00Z'), [
      { ...approvalOf(pending), decides: 'evt-nope' },
    ]);
    expect(codes(nothing)).toEqual(['COUNT_NOT_PENDING']);
    const unnamed = await recordEvents(db, as('USR-SUP', '2026-11-23T08:00:00Z'), [
      approvalOf(pending),
    ]);
    expect(codes(unnamed)).toContain('count-decision-id');
    expect(await onHand(db)).toBe(500);
  });

  it('is withdrawn only by its send-back: a plain reversal is refused, the queue keeps it', async () => {
    const { db, pending } = await pendingCount();
    const reversed = await recordEvents(db, as('USR-SUP', '2026-11-23T08:00:00Z'), [
      { ...lot, type: 'reversal', quantity: 0, reverses: pending.id },
    ]);
    expect(codes(reversed)).toEqual(['COUNT_SEND_BACK_FROM_QUEUE']);
    expect(await queueOf(db)).toHaveLength(1);
  });

  it('a pending count cannot smuggle an approver', async () => {
    const { db } = await pendingCount();
    const smuggled = await recordEvents(db, as('USR-TECH'), [
      {
        ...lot,
        type: 'count',
        quantity: 0,
        countedQuantity: 0,
        expectedQuantity: 500,
        reason: 'count-approved',
      },
    ]);
    expect(codes(smuggled)).not.toEqual([]);
    expect(await onHand(db)).toBe(500);
  });
});
