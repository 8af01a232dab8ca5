import fc from 'fast-check';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { afterEach, describe, expect, it } from 'vitest';
import { foldLedger } from '../../shared/inventory/ledger-fold';
import type { StockEvent } from '../../shared/model';
import { BALANCE_CHECKPOINT, projectEvents } from '../../renderer/store/balance-projection';
import type { StockroomDatabase } from '../../renderer/store/collections';
import {
  catchUpBalances,
  recordEvents,
  type WriterContext,
} from '../../renderer/store/ledger-writer';
import { openTestStore } from './store-test-db';
import { addTestUsers } from './store-test-users';

const open: StockroomDatabase[] = [];
afterEach(async () => {
  while (open.length > 0) await open.pop()!.close();
});

const DEVICE = 'web-crash';
const context: WriterContext = {
  facilityId: 'FAC-DEMO',
  deviceId: DEVICE,
  actorId: 'USR-TECH',
  now: () => new Date('2026-11-23T10:00:00Z'),
  today: '2026-11-23',
};

let names = 0;
/** A store that can be closed and opened again with its data, like a window closed and reopened. */
function windowFactory() {
  const storage = getRxStorageMemory();
  names += 1;
  const name = `crash${names}x${process.pid}`;
  return async () => {
    const db = await openTestStore({ name, storage });
    open.push(db);
    if ((await db.users.count().exec()) === 0) await addTestUsers(db, context.facilityId);
    return db;
  };
}

const shape = (b: { locationId: string; lotCode: string; onHand: number; quarantined: number }) =>
  `${b.locationId}|${b.lotCode}|${b.onHand}|${b.quarantined}`;

async function storedShapes(db: StockroomDatabase): Promise<string[]> {
  const docs = (await db.balances.find().exec()).map((d) => d.toMutableJSON());
  // The fold leaves no row for a place the lot has left; an emptied stored row says the same.
  return docs
    .filter((b) => b.onHand !== 0 || b.quarantined !== 0)
    .map(shape)
    .sort();
}

async function foldShapes(db: StockroomDatabase): Promise<string[]> {
  const events = (await db.stock_events.find().exec()).map((d) => d.toMutableJSON() as StockEvent);
  return [...foldLedger(events).balances.values()]
    .filter((b) => b.onHand !== 0 || b.quarantined !== 0)
    .map(shape)
    .sort();
}

/** What recordEvents does, minus the last write: the window closes before the checkpoint is saved. */
async function writeWithoutCheckpoint(db: StockroomDatabase, events: StockEvent[]): Promise<void> {
  await db.stock_events.bulkInsert(events);
  await projectEvents(db, events);
}

const event = (seq: number, fields: Partial<StockEvent> & Pick<StockEvent, 'type'>): StockEvent =>
  ({
    id: `evt-crash-${seq}`,
    facilityId: 'FAC-DEMO',
    deviceId: DEVICE,
    deviceSeq: seq,
    actorId: 'USR-TECH',
    occurredAt: new Date(Date.UTC(2026, 10, 23, 10, 0, seq)).toISOString(),
    itemId: 'ITM-1',
    lotCode: 'L1',
    locationId: 'LOC-A1',
    quantity: 1,
    ...fields,
  }) as StockEvent;

describe('a window closed between saving balances and saving the checkpoint', () => {
  it('reopens with the balances foldLedger gives, not the missed events counted twice', async () => {
    const reopen = windowFactory();
    const first = await reopen();
    await recordEvents(first, context, [
      { type: 'receive', itemId: 'ITM-1', lotCode: 'L1', locationId: 'LOC-A1', quantity: 40 },
    ]);
    await writeWithoutCheckpoint(first, [
      event(2, { type: 'receive', quantity: 10 }),
      event(3, { type: 'transfer', quantity: 15, toLocationId: 'LOC-B' }),
    ]);
    expect(
      (await first.getLocal<{ deviceSeq: number }>(BALANCE_CHECKPOINT))?.get('deviceSeq'),
    ).toBe(1);
    await first.close();
    open.splice(open.indexOf(first), 1);

    const second = await reopen();
    expect(await catchUpBalances(second, DEVICE)).toBe(2);
    expect(await storedShapes(second)).toEqual(['LOC-A1|L1|35|0', 'LOC-B|L1|15|0']);
    expect(await storedShapes(second)).toEqual(await foldShapes(second));
    // A second start-up, or one that dies again before its checkpoint, changes nothing.
    await second.upsertLocal(BALANCE_CHECKPOINT, { deviceSeq: 1 });
    await catchUpBalances(second, DEVICE);
    expect(await storedShapes(second)).toEqual(['LOC-A1|L1|35|0', 'LOC-B|L1|15|0']);
  });

  it('holds for any ledger and any point of the crash', async () => {
    const step = fc.record({
      type: fc.constantFrom('receive', 'transfer', 'issue', 'quarantine', 'release'),
      lot: fc.constantFrom('L1', 'L2'),
      from: fc.constantFrom('LOC-A1', 'LOC-A2'),
      quantity: fc.integer({ min: 1, max: 30 }),
    });
    await fc.assert(
      fc.asyncProperty(
        fc.array(step, { minLength: 1, maxLength: 12 }),
        fc.nat(),
        async (steps, cut) => {
          const reopen = windowFactory();
          const db = await reopen();
          const events = steps.map((s, i) =>
            event(i + 1, {
              type: s.type,
              lotCode: s.lot,
              locationId: s.from,
              quantity: s.quantity,
              ...(s.type === 'transfer'
                ? { toLocationId: s.from === 'LOC-A1' ? 'LOC-A2' : 'LOC-A1' }
                : {}),
              ...(s.type === 'issue' ? { toLocationId: 'DEP-ICU' } : {}),
              ...(s.type === 'quarantine' ? { reason: 'hold' } : {}),
            }),
          );
          const saved = cut % (events.length + 1);
          // Before the cut: written with their checkpoint. After it: balances saved, checkpoint lost.
          for (const e of events.slice(0, saved)) {
            await db.stock_events.insert(e);
            await projectEvents(db, [e]);
            await db.upsertLocal(BALANCE_CHECKPOINT, { deviceSeq: e.deviceSeq });
          }
          for (const e of events.slice(saved)) await writeWithoutCheckpoint(db, [e]);
          await db.close();
          open.splice(open.indexOf(db), 1);
          const again = await reopen();
          await catchUpBalances(again, DEVICE);
          expect(await storedShapes(again)).toEqual(await foldShapes(again));
          await again.close();
          open.splice(open.indexOf(again), 1);
        },
      ),
      { numRuns: 25 },
    );
  });
});
