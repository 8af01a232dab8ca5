import { afterEach, describe, expect, it } from 'vitest';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { COLLECTION_LIMIT, type StockroomDatabase } from '../../renderer/store/collections';
import { storeOnce } from '../../renderer/store/store-instance';
import { SAMPLE_DOCUMENTS } from '../fixtures/model/sample-documents';
import { openTestStore, recordingStorage } from './store-test-db';

const open: StockroomDatabase[] = [];
afterEach(async () => {
  while (open.length > 0) await open.pop()!.close();
});

describe('the local store', () => {
  it('opens every collection within the free core limit of 13 per window', async () => {
    const db = await openTestStore();
    open.push(db);
    const names = Object.keys(db.collections);
    expect(names.length).toBeLessThanOrEqual(COLLECTION_LIMIT);
    expect(names).toEqual(expect.arrayContaining(['stock_events', 'balances', 'users', 'items']));
  });

  it('accepts each sample document and rejects a schema-invalid one', async () => {
    const db = await openTestStore();
    open.push(db);
    for (const [name, doc] of Object.entries(SAMPLE_DOCUMENTS)) {
      const collection = db.collections[name as keyof typeof db.collections];
      await collection.insert(doc as never);
      const found = await collection.findOne((doc as { id: string }).id).exec();
      expect(found?.toJSON()).toMatchObject(doc);
    }
    await expect(
      db.items.insert({ ...SAMPLE_DOCUMENTS.items, id: 'ITM-2', gtins: ['123'] }),
    ).rejects.toThrow();
  });

  it('never hands a user name to the backend in clear text, and reads it back', async () => {
    const written: Record<string, unknown>[] = [];
    const db = await openTestStore({ storage: recordingStorage(getRxStorageMemory(), written) });
    open.push(db);
    const user = { ...SAMPLE_DOCUMENTS.users, name: 'Dana Quartermaine' };
    await db.users.insert(user);
    const stored = written.filter((doc) => doc['id'] === user.id);
    expect(stored.length).toBeGreaterThan(0);
    expect(JSON.stringify(stored)).not.toContain('Quartermaine');
    expect((await db.users.findOne(user.id).exec())?.name).toBe('Dana Quartermaine');
  });

  it('refuses to open existing data with a different key', async () => {
    const storage = getRxStorageMemory();
    const name = `keyed${process.pid}`;
    const first = await openTestStore({ name, storage, password: 'right-key-123456' });
    await first.users.insert(SAMPLE_DOCUMENTS.users);
    await first.close();
    await expect(openTestStore({ name, storage, password: 'wrong-key-654321' })).rejects.toThrow();
  });

  it('creates the database once per window however often start-up runs', async () => {
    let opened = 0;
    const factory = async () => {
      opened += 1;
      const db = await openTestStore();
      open.push(db);
      return db;
    };
    const [a, b] = await Promise.all([storeOnce(factory), storeOnce(factory)]);
    expect(a).toBe(b);
    expect(opened).toBe(1);
    (globalThis as Record<symbol, unknown>)[Symbol.for('stockroom-edge.store')] = undefined;
  });
});
