import { afterEach, describe, expect, it } from 'vitest';
import { createRxDatabase, type RxDatabase, type RxJsonSchema } from 'rxdb';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { wrappedValidateZSchemaStorage } from 'rxdb/plugins/validate-z-schema';
import { runMigrations, type MigrationProgress } from '../../renderer/store/migration-runner';
import './store-test-db';
import '../../renderer/store/open-store';

interface ShelfV0 {
  id: string;
  label: string;
}
interface ShelfV1 extends ShelfV0 {
  zone: string;
}

const v0: RxJsonSchema<ShelfV0> = {
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: { id: { type: 'string', maxLength: 20 }, label: { type: 'string' } },
  required: ['id', 'label'],
};
const v1: RxJsonSchema<ShelfV1> = {
  ...v0,
  version: 1,
  properties: { ...v0.properties, zone: { type: 'string' } },
  required: ['id', 'label', 'zone'],
} as RxJsonSchema<ShelfV1>;

const storage = wrappedValidateZSchemaStorage({ storage: getRxStorageMemory() });
const dbs: RxDatabase[] = [];
afterEach(async () => {
  while (dbs.length > 0) await dbs.pop()!.close();
});

async function openShelves(name: string, version: 0 | 1, strategy?: (doc: ShelfV0) => ShelfV1) {
  const db = await createRxDatabase({ name, storage, multiInstance: false });
  dbs.push(db);
  await db.addCollections({
    shelves: {
      schema: version === 0 ? v0 : v1,
      migrationStrategies: strategy ? { 1: strategy } : {},
      autoMigrate: false,
    },
  });
  return db;
}

describe('schema migration at start-up', () => {
  it('migrates thousands of documents in large batches and reports progress to 100%', async () => {
    const name = `migrate${process.pid}`;
    const old = await openShelves(name, 0);
    const docs = Array.from({ length: 2500 }, (_, i) => ({ id: `S${i}`, label: `Shelf ${i}` }));
    await old.collections['shelves']!.bulkInsert(docs);
    await old.close();
    dbs.pop();

    const db = await openShelves(name, 1, (doc) => ({
      ...doc,
      zone: doc.label.endsWith('7') ? 'cold' : 'dry',
    }));
    const progress: MigrationProgress[] = [];
    const outcome = await runMigrations(db, (p) => progress.push(p), 1000);

    expect(outcome).toEqual({ ok: true, migrated: ['shelves'] });
    expect(progress.at(-1)).toMatchObject({ collection: 'shelves', total: 2500, percent: 100 });
    expect(progress.some((p) => p.handled > 0 && p.handled < 2500)).toBe(true);
    const shelves = db.collections['shelves']!;
    expect(await shelves.count().exec()).toBe(2500);
    expect((await shelves.findOne('S17').exec())?.get('zone')).toBe('cold');
    expect((await shelves.findOne('S18').exec())?.get('zone')).toBe('dry');
  });

  it('reports a failed strategy as a value with a message, not a crash', async () => {
    const name = `migratefail${process.pid}`;
    const old = await openShelves(name, 0);
    await old.collections['shelves']!.insert({ id: 'S1', label: 'Shelf 1' });
    await old.close();
    dbs.pop();
    // The strategy forgets the new required field: the validator refuses the migrated document.
    const db = await openShelves(name, 1, (doc) => doc as ShelfV1);
    const outcome = await runMigrations(db, () => undefined);
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.error.code).toBe('migration-failed');
  });

  it('does nothing when every collection is current', async () => {
    const db = await openShelves(`current${process.pid}`, 0);
    const progress: MigrationProgress[] = [];
    expect(await runMigrations(db, (p) => progress.push(p))).toEqual({ ok: true, migrated: [] });
    expect(progress).toEqual([]);
  });
});
