import { describe, expect, it } from 'vitest';
import { createRxDatabase, addRxPlugin, type RxJsonSchema } from 'rxdb';
import { RxDBDevModePlugin } from 'rxdb/plugins/dev-mode';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { wrappedValidateZSchemaStorage } from 'rxdb/plugins/validate-z-schema';
import { wrappedKeyEncryptionCryptoJsStorage } from 'rxdb/plugins/encryption-crypto-js';
import { COLLECTIONS, COLLECTION_NAMES, toRxJsonSchema } from '../../shared/model';
import { SAMPLE_DOCUMENTS } from '../fixtures/model/sample-documents';
import { MIGRATION_STRATEGIES } from '../../renderer/store/migrations';
// Registers RxDB's migration plugin, which a collection above version 0 needs.
import '../../renderer/store/open-store';

addRxPlugin(RxDBDevModePlugin);

describe('RxDB schemas derived from shared/model', () => {
  it('every collection opens in a real RxDB (dev-mode checks) and stores its sample document', async () => {
    const storage = wrappedKeyEncryptionCryptoJsStorage({
      storage: wrappedValidateZSchemaStorage({ storage: getRxStorageMemory() }),
    });
    const db = await createRxDatabase({
      name: `model-${Date.now()}-${Math.random().toString(36).slice(2)}`,
      storage,
      password: 'a-test-password-of-sufficient-length',
      multiInstance: false,
    });
    try {
      const spec = Object.fromEntries(
        COLLECTION_NAMES.map((name) => [
          name,
          {
            schema: toRxJsonSchema(COLLECTIONS[name]) as unknown as RxJsonSchema<unknown>,
            migrationStrategies: MIGRATION_STRATEGIES[name] ?? {},
          },
        ]),
      );
      await db.addCollections(spec);
      for (const name of COLLECTION_NAMES) {
        const collection = db.collections[name];
        expect(collection, name).toBeDefined();
        await collection!.insert(SAMPLE_DOCUMENTS[name]);
        const stored = await collection!.findOne(SAMPLE_DOCUMENTS[name].id).exec();
        expect(stored?.toJSON(), name).toMatchObject(SAMPLE_DOCUMENTS[name]);
      }
    } finally {
      await db.remove();
    }
  });

  it('the RxDB validator refuses a document the API validator refuses', async () => {
    const storage = wrappedValidateZSchemaStorage({ storage: getRxStorageMemory() });
    const db = await createRxDatabase({
      name: `model-invalid-${Date.now()}`,
      storage,
      multiInstance: false,
    });
    try {
      await db.addCollections({
        stock_events: {
          schema: toRxJsonSchema(COLLECTIONS.stock_events) as unknown as RxJsonSchema<unknown>,
        },
      });
      const bad = { ...SAMPLE_DOCUMENTS.stock_events, deviceSeq: 0 };
      await expect(db.collections['stock_events']!.insert(bad)).rejects.toThrow();
    } finally {
      await db.remove();
    }
  });

  it('fits within the free RxDB core limit of 13 collections per window, with room for the local balances', () => {
    expect(COLLECTION_NAMES.length).toBeLessThanOrEqual(12);
  });

  it('personal user fields are marked for encryption', () => {
    expect(toRxJsonSchema(COLLECTIONS.users).encrypted).toEqual([
      'name',
      'email',
      'badgeHash',
      'pinHash',
      'salt',
    ]);
  });
});
