import { afterEach, describe, expect, it } from 'vitest';
import type { StockroomDatabase } from '../../renderer/store/collections';
import { recordEvents, type WriterContext } from '../../renderer/store/ledger-writer';
import { openTestStore } from './store-test-db';
import { addTestUsers } from './store-test-users';

const dbs: StockroomDatabase[] = [];
afterEach(async () => {
  while (dbs.length > 0) await dbs.pop()?.close();
});

const context: WriterContext = {
  facilityId: 'FAC-DEMO',
  deviceId: 'web-test',
  actorId: 'USR-TECH',
  now: () => new Date('2026-11-23T10:00:00Z'),
  today: '2026-11-23',
  // Warnings accepted: only errors may stop these writes.
  acceptWarnings: true,
};

const issue = (lotCode: string, quantity: number) => ({
  type: 'issue' as const,
  itemId: 'ITM-1',
  lotCode,
  locationId: 'LOC-A1',
  toLocationId: 'DEP-ICU',
  quantity,
});

describe('the ledger writer never takes on-hand below zero', () => {
  it('refuses an issue of a lot the ledger does not hold there, and stores nothing', async () => {
    const db = await openTestStore();
    dbs.push(db);
    await addTestUsers(db, context.facilityId);
    const result = await recordEvents(db, context, [issue('PHANTOM-1', 1)]);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems.map((p) => p.code)).toEqual(['exceeds-available']);
    expect(await db.stock_events.count().exec()).toBe(0);
    expect(await db.balances.count().exec()).toBe(0);
  });

  it('refuses one unit more than is held, even with warnings accepted', async () => {
    const db = await openTestStore();
    dbs.push(db);
    await addTestUsers(db, context.facilityId);
    const received = await recordEvents(db, context, [
      {
        type: 'receive',
        itemId: 'ITM-1',
        lotCode: 'L1',
        expiry: '2027-06-30',
        locationId: 'LOC-A1',
        quantity: 3,
      },
    ]);
    expect(received.ok).toBe(true);
    expect((await recordEvents(db, context, [issue('L1', 4)])).ok).toBe(false);
    expect((await recordEvents(db, context, [issue('L1', 3)])).ok).toBe(true);
    expect((await db.balances.findOne('LOC-A1|ITM-1|L1').exec())?.onHand).toBe(0);
  });

  it('judges each event of one write after the ones before it: receive straight into quarantine', async () => {
    const db = await openTestStore();
    dbs.push(db);
    await addTestUsers(db, context.facilityId);
    const unit = { itemId: 'ITM-1', lotCode: 'RCL-1', expiry: '2027-06-30', locationId: 'LOC-QC' };
    const result = await recordEvents(db, context, [
      { ...unit, type: 'receive', quantity: 4 },
      { ...unit, type: 'quarantine', quantity: 4, reason: 'recall' },
    ]);
    expect(result.ok && result.balances.map((b) => [b.onHand, b.quarantined])).toEqual([[4, 4]]);
    // …and one unit more than the write brought is still refused.
    const over = await recordEvents(db, context, [
      { ...unit, lotCode: 'RCL-2', type: 'receive', quantity: 4 },
      { ...unit, lotCode: 'RCL-2', type: 'quarantine', quantity: 5, reason: 'recall' },
    ]);
    expect(!over.ok && over.problems.map((p) => p.code)).toEqual(['quarantine-exceeds-available']);
  });
});
