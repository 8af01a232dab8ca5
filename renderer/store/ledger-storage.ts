import { Dexie } from 'dexie';
import {
  addRxStorageMultiInstanceSupport,
  ensureRxStorageInstanceParamsAreCorrect,
  fillWithDefaultSettings,
  type RxJsonSchema,
  type RxStorage,
  type RxStorageInstance,
  type RxStorageInstanceCreationParams,
} from 'rxdb';
import {
  RX_STORAGE_NAME_DEXIE,
  RxStorageInstanceDexie,
  getBooleanIndexes,
  getDexieStoreSchema,
  getRxStorageDexie,
  type RxStorageDexie,
} from 'rxdb/plugins/storage-dexie';
import type { DexieSettings } from 'rxdb';
import { withDocsTable } from './ledger-docs-store';
import { copyOldLedgerLayout } from './ledger-layout-copy';

/** The two collections whose writes must commit together: an event and the balance it changes. */
export const LEDGER_COLLECTIONS = ['stock_events', 'balances'] as const;
export type LedgerCollection = (typeof LEDGER_COLLECTIONS)[number];
type LedgerSchemas = Record<LedgerCollection, RxJsonSchema<unknown>>;

// The ledger's documents are StockEvent and BalanceDoc; the storage layer sees them untyped.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type LedgerInstance = RxStorageInstanceDexie<any>;
export type LedgerPair = Record<LedgerCollection, LedgerInstance>;

const attachmentsTable = (collection: LedgerCollection) => `${collection}_attachments`;

/**
 * The ledger's one IndexedDB database: RxDB's free Dexie storage makes one database per
 * collection, and IndexedDB transactions cannot span databases. The name carries both schema
 * versions, so a future version of either gets a database of its own, as RxDB's would.
 */
export function ledgerDatabaseName(databaseName: string, schemas: LedgerSchemas): string {
  return `rxdb-dexie-${databaseName}--${schemas.stock_events.version}.${schemas.balances.version}--ledger`;
}

function isLedgerInstance(
  params: RxStorageInstanceCreationParams<unknown, DexieSettings>,
  schemas: LedgerSchemas,
): params is RxStorageInstanceCreationParams<unknown, DexieSettings> & {
  collectionName: LedgerCollection;
} {
  const name = params.collectionName as LedgerCollection;
  // Older versions are what the migration plugin reads: they live where RxDB's storage put them.
  return LEDGER_COLLECTIONS.includes(name) && params.schema.version === schemas[name].version;
}

/** Ledger instances by the RxDatabase that opened them (its token), for the joint write. */
const PAIRS = new Map<string, Partial<LedgerPair>>();

export function ledgerPair(databaseToken: string): LedgerPair | undefined {
  const pair = PAIRS.get(databaseToken);
  return pair?.stock_events && pair.balances
    ? { stock_events: pair.stock_events, balances: pair.balances }
    : undefined;
}

/** One copy of the old layout per database name and window, whichever instance opens first. */
const LAYOUT_READY = new Map<string, Promise<void>>();

/**
 * The Dexie table RxDB would make for a collection: from the schema as RxDB hands it to the storage
 * (with its own _deleted and _meta.lwt indexes), which the shared database needs before either
 * collection has asked for its instance.
 */
function storedTableSchema(schema: RxJsonSchema<unknown>): string {
  return getDexieStoreSchema(fillWithDefaultSettings(schema));
}

function openConnection(
  name: string,
  schemas: LedgerSchemas,
  settings: DexieSettings,
): Promise<Dexie> {
  const stores: Record<string, string> = {};
  for (const collection of LEDGER_COLLECTIONS) {
    stores[collection] = storedTableSchema(schemas[collection]);
    stores[attachmentsTable(collection)] = 'id';
  }
  const dexie = new Dexie(name, { ...settings, autoOpen: false });
  dexie.version(1).stores({ ...stores, layout: 'id' });
  return dexie.open();
}

/**
 * RxDB's Dexie storage, except that the ledger's two collections (current schema versions) live
 * in one database, each with its own documents and attachments tables, so that
 * ledger-joint-write.ts can commit an event and its balance in one transaction. Each instance has
 * its own connection to that database, so RxDB closing one collection never closes the other.
 */
export function ledgerStorage(
  schemas: LedgerSchemas,
  settings: DexieSettings = {},
): RxStorage<unknown, DexieSettings> {
  const dexieStorage: RxStorageDexie = getRxStorageDexie(settings);
  return {
    name: dexieStorage.name,
    rxdbVersion: dexieStorage.rxdbVersion,
    async createStorageInstance<T>(
      params: RxStorageInstanceCreationParams<T, DexieSettings>,
    ): Promise<RxStorageInstance<T, unknown, DexieSettings>> {
      const untyped = params as RxStorageInstanceCreationParams<unknown, DexieSettings>;
      if (!isLedgerInstance(untyped, schemas)) return dexieStorage.createStorageInstance(params);
      ensureRxStorageInstanceParamsAreCorrect(params);
      if (getDexieStoreSchema(params.schema) !== storedTableSchema(schemas[untyped.collectionName]))
        throw new Error(
          `The ledger's ${params.collectionName} table does not match the schema RxDB opens it with.`,
        );
      const collection = untyped.collectionName;
      const name = ledgerDatabaseName(params.databaseName, schemas);
      let ready = LAYOUT_READY.get(name);
      if (!ready) {
        ready = openConnection(name, schemas, settings).then(async (dexie) => {
          try {
            await copyOldLedgerLayout(dexie, params.databaseName, schemas, settings);
          } finally {
            dexie.close();
          }
        });
        LAYOUT_READY.set(name, ready);
        ready.catch(() => LAYOUT_READY.delete(name));
      }
      const internals = ready
        .then(() => openConnection(name, schemas, settings))
        .then((connection) => ({
          dexieDb: withDocsTable(connection, collection),
          // Dexie's Table objects belong to the real connection, not to the facade above.
          dexieTable: connection.table(collection),
          dexieAttachmentsTable: connection.table(attachmentsTable(collection)),
          booleanIndexes: getBooleanIndexes(params.schema),
        }));
      const instance: LedgerInstance = new RxStorageInstanceDexie(
        dexieStorage,
        params.databaseName,
        params.collectionName,
        params.schema,
        internals,
        params.options,
        settings,
        params.devMode,
      );
      // Exactly what createDexieStorageInstance does: other windows hear of this one's writes.
      await addRxStorageMultiInstanceSupport(RX_STORAGE_NAME_DEXIE, params, instance);
      await internals;
      register(params.databaseInstanceToken, collection, instance);
      return instance as RxStorageInstance<T, unknown, DexieSettings>;
    },
  };
}

function register(token: string, collection: LedgerCollection, instance: LedgerInstance): void {
  const pair = PAIRS.get(token) ?? {};
  pair[collection] = instance;
  PAIRS.set(token, pair);
  const forget = () => {
    const now = PAIRS.get(token);
    if (now?.[collection] === instance) now[collection] = undefined;
    if (now && !now.stock_events && !now.balances) PAIRS.delete(token);
  };
  const close = instance.close.bind(instance);
  const remove = instance.remove.bind(instance);
  instance.close = () => (forget(), close());
  instance.remove = () => (forget(), remove());
}
