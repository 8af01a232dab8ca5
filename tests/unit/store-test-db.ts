import { addRxPlugin, type RxStorage } from 'rxdb';
import { RxDBDevModePlugin, disableWarnings } from 'rxdb/plugins/dev-mode';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { wrappedValidateZSchemaStorage } from 'rxdb/plugins/validate-z-schema';
import type { StockroomDatabase } from '../../renderer/store/collections';
import { openStore, type AnyStorage } from '../../renderer/store/open-store';

disableWarnings();
addRxPlugin(RxDBDevModePlugin);

let counter = 0;

/** A fresh, uniquely named store on memory storage with dev-mode checks and z-schema validation. */
export function openTestStore(
  options: { name?: string; storage?: AnyStorage; password?: string } = {},
): Promise<StockroomDatabase> {
  counter += 1;
  return openStore({
    name: options.name ?? `teststore${counter}x${process.pid}`,
    storage: options.storage ?? getRxStorageMemory(),
    password: options.password ?? 'test-key-0123456789',
    validate: (storage) => wrappedValidateZSchemaStorage({ storage }),
    multiInstance: false,
  });
}

/** Wraps a storage so a test can see exactly what reaches the backend. */
export function recordingStorage(base: AnyStorage, written: Record<string, unknown>[]): AnyStorage {
  const recording: RxStorage<unknown, unknown> = {
    ...base,
    async createStorageInstance(params) {
      const instance = await base.createStorageInstance(params);
      const bulkWrite = instance.bulkWrite.bind(instance);
      instance.bulkWrite = (rows, context) => {
        for (const row of rows) written.push(row.document as Record<string, unknown>);
        return bulkWrite(rows, context);
      };
      return instance;
    },
  };
  return recording as AnyStorage;
}
