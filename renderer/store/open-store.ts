import { addRxPlugin, createRxDatabase, type RxStorage } from 'rxdb';
import { wrappedKeyEncryptionCryptoJsStorage } from 'rxdb/plugins/encryption-crypto-js';
import { RxDBLocalDocumentsPlugin } from 'rxdb/plugins/local-documents';
import { RxDBMigrationSchemaPlugin } from 'rxdb/plugins/migration-schema';
import {
  storeSchemas,
  type StockroomDatabase,
  type StoreCollectionName,
  type StoreCollections,
} from './collections';
import { isCollectionName } from '../../shared/model';
import { conflictHandlerFor } from '../replication/conflict-handlers';
import { MIGRATION_STRATEGIES } from './migrations';

addRxPlugin(RxDBMigrationSchemaPlugin);
addRxPlugin(RxDBLocalDocumentsPlugin);

// RxStorage's internals differ per backend; the store does not care which one it gets.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyStorage = RxStorage<any, any>;

export interface OpenStoreOptions {
  name: string;
  /** The backend: Dexie in the browser, memory in unit tests. */
  storage: AnyStorage;
  /** The key from the platform port; encrypts the users' personal fields. */
  password: string;
  /** Wraps the (encrypted) storage with a schema validator; dev builds and tests only. */
  validate?: (storage: AnyStorage) => AnyStorage;
  multiInstance?: boolean;
}

/**
 * Opens the stockroom database with every collection. Migrations are not started here
 * (`autoMigrate: false`): the start-up runner drives them in large batches and shows progress.
 */
export async function openStore(options: OpenStoreOptions): Promise<StockroomDatabase> {
  const encrypted = wrappedKeyEncryptionCryptoJsStorage({ storage: options.storage });
  const storage = options.validate ? options.validate(encrypted) : encrypted;
  const db = await createRxDatabase<StoreCollections>({
    name: options.name,
    storage,
    password: options.password,
    multiInstance: options.multiInstance ?? true,
    localDocuments: true,
    eventReduce: true,
  });
  const schemas = storeSchemas();
  const names = Object.keys(schemas) as StoreCollectionName[];
  await db.addCollections(
    Object.fromEntries(
      names.map((name) => [
        name,
        {
          schema: schemas[name],
          migrationStrategies: MIGRATION_STRATEGIES[name] ?? {},
          autoMigrate: false,
          localDocuments: false,
          // Replicated collections merge by shared/'s rules; RxDB's default would drop local edits.
          ...(isCollectionName(name) ? { conflictHandler: conflictHandlerFor(name) } : {}),
        },
      ]),
    ),
  );
  return db;
}
