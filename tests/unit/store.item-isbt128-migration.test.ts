import { afterEach, describe, expect, it } from 'vitest';
import { createRxDatabase, type RxDatabase, type RxJsonSchema } from 'rxdb';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { wrappedValidateZSchemaStorage } from 'rxdb/plugins/validate-z-schema';
import { COLLECTIONS, type Item } from '../../shared/model';
import { toRxJsonSchema } from '../../shared/model/rx-schema';
import { runMigrations } from '../../renderer/store/migration-runner';
import { MIGRATION_STRATEGIES } from '../../renderer/store/migrations';
import { DEMO_ITEMS } from '../../renderer/seed/demo-catalogue';
import './store-test-db';

const current = toRxJsonSchema(COLLECTIONS.items) as unknown as RxJsonSchema<Item>;
// The item schema as it was before ISBT 128: version 0, no isbt128Codes.
const { isbt128Codes: _added, ...v0Properties } = current.properties as Record<string, unknown>;
const v0 = { ...current, version: 0, properties: v0Properties } as unknown as RxJsonSchema<Item>;

const storage = wrappedValidateZSchemaStorage({ storage: getRxStorageMemory() });
const dbs: RxDatabase[] = [];
afterEach(async () => {
  while (dbs.length > 0) await dbs.pop()!.close();
});

async function openItems(name: string, schema: RxJsonSchema<Item>) {
  const db = await createRxDatabase({ name, storage, multiInstance: false });
  dbs.push(db);
  await db.addCollections({
    items: {
      schema,
      migrationStrategies: schema.version === 0 ? {} : (MIGRATION_STRATEGIES.items ?? {}),
      autoMigrate: false,
    },
  });
  return db;
}

describe('item master version 1 (optional ISBT 128 product codes)', () => {
  it('migrates version-0 items unchanged, and then takes ISBT 128 codes', async () => {
    expect(current.version).toBe(1);
    const name = `items${process.pid}`;
    const old = await openItems(name, v0);
    await old.collections['items']!.bulkInsert(DEMO_ITEMS);
    await old.close();
    dbs.pop();

    const db = await openItems(name, current);
    expect(await runMigrations(db, () => undefined)).toEqual({ ok: true, migrated: ['items'] });
    const items = db.collections['items']!;
    const first = DEMO_ITEMS[0]!;
    expect((await items.findOne(first.id).exec())?.toJSON()).toEqual(first);
    await items.insert({ ...first, id: 'ITM-T1', isbt128Codes: ['A9999XYZ100T0944'] });
    await expect(
      items.insert({ ...first, id: 'ITM-T2', isbt128Codes: ['O9999XYZ100T0944'] }),
    ).rejects.toThrow();
  });
});
