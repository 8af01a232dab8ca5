import { afterEach, describe, expect, it } from 'vitest';
import type { StockroomDatabase } from '../../renderer/store/collections';
import {
  catchUpBalances,
  recordEvents,
  type EventDraft,
  type WriterContext,
} from '../../renderer/store/ledger-writer';
import { BALANCE_CHECKPOINT } from '../../renderer/store/balance-projection';
import { openTestStore } from './store-test-db';
import { addTestUsers, proofOf } from './store-test-users';

const dbs: StockroomDatabase[] = [];
afterEach(async () => {
  while (dbs.length > 0) await dbs.pop()!.close();
});

async function store() {
  const db = await openTestStore();
  dbs.push(db);
  await addTestUsers(db, 'FAC-DEMO');
  return db;
}

const context: WriterContext = {
  facilityId: 'FAC-DEMO',
  deviceId: 'web-test',
  actorId: 'USR-TECH',
  now: () => new Date('2026-11-23T10:00:00Z'),
  today: '2026-11-23',
};

const receive = (quantity: number, lotCode = 'L1', expiry = '2027-06-30'): EventDraft => ({
  type: 'receive',
  itemId: 'ITM-1',
  lotCode,
  expiry,
  locationId: 'LOC-A1',
  quantity,
});

async function onHand(db: StockroomDatabase, lotCode = 'L1', locationId = 'LOC-A1') {
  return (await db.balances.findOne(`${locationId}|ITM-1|${lotCode}`).exec())?.onHand;
}

describe('writing stock events keeps the balances projection', () => {
  it('receives, transfers and issues, numbering events 1, 2, 3 on this device', async () => {
    const db = await store();
    expect((await recordEvents(db, context, [receive(50)])).ok).toBe(true);
    await recordEvents(db, context, [
      {
        type: 'transfer',
        itemId: 'ITM-1',
        lotCode: 'L1',
        locationId: 'LOC-A1',
        toLocationId: 'LOC-B',
        quantity: 20,
      },
    ]);
    await recordEvents(db, context, [
      {
        type: 'issue',
        itemId: 'ITM-1',
        lotCode: 'L1',
        locationId: 'LOC-A1',
        toLocationId: 'DEP-ICU',
        quantity: 5,
      },
    ]);
    expect(await onHand(db)).toBe(25);
    expect(await onHand(db, 'L1', 'LOC-B')).toBe(20);
    const seqs = (await db.stock_events.find().exec()).map((e) => e.deviceSeq).sort();
    expect(seqs).toEqual([1, 2, 3]);
    const balance = await db.balances.findOne('LOC-A1|ITM-1|L1').exec();
    expect(balance?.expiry).toBe('2027-06-30');
  });

  it('never reuses a sequence number when two writes race', async () => {
    const db = await store();
    await Promise.all([1, 2, 3, 4, 5].map((q) => recordEvents(db, context, [receive(q)])));
    const seqs = (await db.stock_events.find().exec()).map((e) => e.deviceSeq).sort();
    expect(seqs).toEqual([1, 2, 3, 4, 5]);
    expect(await onHand(db)).toBe(15);
  });

  it('writes nothing when one draft of a batch is invalid', async () => {
    const db = await store();
    const result = await recordEvents(db, context, [receive(10), { ...receive(5), quantity: 0 }]);
    expect(result.ok).toBe(false);
    expect(await db.stock_events.count().exec()).toBe(0);
    expect(await db.balances.count().exec()).toBe(0);
  });

  it('refuses to issue an expired lot, naming the reason, and writes nothing', async () => {
    const db = await store();
    await recordEvents(db, context, [receive(10, 'OLD', '2026-10-01')]);
    const result = await recordEvents(db, context, [
      {
        type: 'issue',
        itemId: 'ITM-1',
        lotCode: 'OLD',
        locationId: 'LOC-A1',
        toLocationId: 'DEP-ICU',
        quantity: 1,
      },
    ]);
    expect(result).toMatchObject({ ok: false, problems: [{ code: 'lot-expired' }] });
    expect(await onHand(db, 'OLD')).toBe(10);
    expect(await db.stock_events.count().exec()).toBe(1);
  });

  it('a reversal undoes the event it names', async () => {
    const db = await store();
    const first = await recordEvents(db, context, [receive(12)]);
    if (!first.ok) throw new Error('receive failed');
    // Taking all 12 back is beyond the count tolerance: a supervisor confirms it.
    await recordEvents(db, { ...context, stepUp: proofOf('USR-SUP') }, [
      {
        type: 'reversal',
        itemId: 'ITM-1',
        lotCode: 'L1',
        locationId: 'LOC-A1',
        quantity: 0,
        reverses: first.events[0]!.id,
      },
    ]);
    expect(await onHand(db)).toBe(0);
  });

  it('catches up balances for events written after the last checkpoint, once', async () => {
    const db = await store();
    await recordEvents(db, context, [receive(7)]);
    // Simulate a window closed after the events were written but before their balances were.
    await db.stock_events.insert({
      id: 'evt-orphan',
      facilityId: 'FAC-DEMO',
      deviceId: 'web-test',
      deviceSeq: 2,
      actorId: 'USR-TECH',
      occurredAt: '2026-11-23T10:05:00Z',
      ...receive(3),
    });
    expect(await onHand(db)).toBe(7);
    expect(await catchUpBalances(db, 'web-test')).toBe(1);
    expect(await onHand(db)).toBe(10);
    expect(await catchUpBalances(db, 'web-test')).toBe(0);
    expect((await db.getLocal<{ deviceSeq: number }>(BALANCE_CHECKPOINT))?.get('deviceSeq')).toBe(
      2,
    );
  });

  it('answers once events and balances are stored; the checkpoint is saved before the next write', async () => {
    const db = await store();
    const [first, second] = await Promise.all([
      recordEvents(db, context, [receive(5)]),
      recordEvents(db, context, [receive(7)]),
    ]);
    expect(first.ok && second.ok).toBe(true);
    expect(await onHand(db)).toBe(12);
    // A write queued behind these two runs only after both checkpoints were saved.
    expect(await catchUpBalances(db, context.deviceId)).toBe(0);
    expect((await db.getLocal<{ deviceSeq: number }>(BALANCE_CHECKPOINT))?.get('deviceSeq')).toBe(
      2,
    );
  });

  it('updates a stored balance in place and inserts a new one in the same write', async () => {
    const db = await store();
    await recordEvents(db, context, [receive(10)]);
    const result = await recordEvents(db, context, [receive(3), receive(4, 'L2')]);
    expect(result.ok && result.balances.map((b) => [b.id, b.onHand])).toEqual([
      ['LOC-A1|ITM-1|L1', 13],
      ['LOC-A1|ITM-1|L2', 4],
    ]);
    expect([await onHand(db), await onHand(db, 'L2')]).toEqual([13, 4]);
    expect(await db.balances.count().exec()).toBe(2);
  });

  it('refuses a count outside tolerance without a verified second person, and takes it with one', async () => {
    const db = await store();
    await recordEvents(db, context, [receive(100)]);
    const count: EventDraft = {
      type: 'count',
      itemId: 'ITM-1',
      lotCode: 'L1',
      locationId: 'LOC-A1',
      quantity: 0,
      countedQuantity: 60,
      expectedQuantity: 100,
    };
    const refused = await recordEvents(db, context, [count]);
    expect(refused.ok ? [] : refused.problems.map((p) => p.code)).toEqual([
      'SECOND_PERSON_REQUIRED',
    ]);
    expect(await onHand(db)).toBe(100);
    const taken = await recordEvents(db, { ...context, stepUp: proofOf('USR-SUP') }, [count]);
    expect(taken.ok && taken.events[0]?.approvedBy).toBe('USR-SUP');
    expect(await onHand(db)).toBe(60);
  });
});
