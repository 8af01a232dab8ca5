import { randomBytes } from 'node:crypto';
import { addRxPlugin, createRxDatabase, type RxDatabase, type RxJsonSchema } from 'rxdb';
import { RxDBLocalDocumentsPlugin } from 'rxdb/plugins/local-documents';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { afterEach, describe, expect, it } from 'vitest';
import { COLLECTIONS, toRxJsonSchema } from '../../shared/model';
import { SyncStateKeeper } from '../../renderer/replication/acknowledgements';
import { SAMPLE_DOCUMENTS } from '../fixtures/model/sample-documents';

addRxPlugin(RxDBLocalDocumentsPlugin);

const opened: RxDatabase[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((db) => db.remove()));
});

async function pc(name = `ack${randomBytes(4).toString('hex')}`) {
  const db = await createRxDatabase({
    name,
    storage: getRxStorageMemory(),
    multiInstance: false,
    localDocuments: true,
  });
  await db.addCollections({
    stock_events: {
      schema: toRxJsonSchema(COLLECTIONS.stock_events) as unknown as RxJsonSchema<unknown>,
    },
  });
  opened.push(db);
  return db;
}

const events = (count: number) =>
  Array.from({ length: count }, (_, i) => ({
    ...SAMPLE_DOCUMENTS.stock_events,
    id: `EVT-${i + 1}`,
    deviceSeq: i + 1,
  }));

describe('events waiting to upload', () => {
  it('counts what the centre has not acknowledged, with acknowledgements arriving out of order', async () => {
    const db = await pc();
    await db.collections['stock_events']!.bulkInsert(events(6));
    const keeper = new SyncStateKeeper(db, 'DEV-1');
    expect(await keeper.eventsWaiting(db.collections['stock_events']!)).toBe(6);
    await keeper.acknowledge([2, 3, 5]);
    expect(keeper.current).toMatchObject({
      acknowledgedDeviceSeq: 0,
      acknowledgedAbove: [2, 3, 5],
    });
    expect(await keeper.eventsWaiting(db.collections['stock_events']!)).toBe(3);
    await keeper.acknowledge([1]);
    expect(keeper.current).toMatchObject({ acknowledgedDeviceSeq: 3, acknowledgedAbove: [5] });
    expect(await keeper.eventsWaiting(db.collections['stock_events']!)).toBe(2);
  });

  it('survives a restart, even when the first change comes before the stored state is read', async () => {
    const name = `ack${randomBytes(4).toString('hex')}`;
    const first = await pc(name);
    await first.collections['stock_events']!.bulkInsert(events(4));
    await new SyncStateKeeper(first, 'DEV-1').acknowledge([1, 2, 4]);
    await first.close();
    opened.splice(opened.indexOf(first), 1);

    const again = await pc(name);
    const keeper = new SyncStateKeeper(again, 'DEV-1');
    // A pull finishing at start-up records its time at once.
    await keeper.save({ lastSuccessAt: '2026-11-02T09:00:00Z' });
    expect(keeper.current).toMatchObject({ acknowledgedDeviceSeq: 2, acknowledgedAbove: [4] });
    expect(await keeper.eventsWaiting(again.collections['stock_events']!)).toBe(1);
  });
});
