import type { RxCollection, RxDatabase, RxJsonSchema } from 'rxdb';
import {
  COLLECTIONS,
  toRxJsonSchema,
  type CollectionDocument,
  type CollectionName,
} from '../../shared/model';
import {
  BALANCES_SCHEMA,
  SYNC_ERRORS_SCHEMA,
  type BalanceDoc,
  type SyncErrorDoc,
} from './local-schemas';

export type StoreCollections = {
  [K in CollectionName]: RxCollection<CollectionDocument<K>>;
} & {
  balances: RxCollection<BalanceDoc>;
  sync_errors: RxCollection<SyncErrorDoc>;
};
export type StoreCollectionName = keyof StoreCollections;
export type StockroomDatabase = RxDatabase<StoreCollections>;

/**
 * The free RxDB core opens at most 13 collections per window. We use all 13: the eleven shared
 * documents (the last, sign-in attempts, only goes up to the centre's audit log), the local
 * balances projection and the sync errors inbox. A new collection means merging two first. Device counters, settings and the sync
 * checkpoint are RxDB local documents, which take no collection slot.
 */
export const COLLECTION_LIMIT = 13;

export function storeSchemas(): Record<StoreCollectionName, RxJsonSchema<unknown>> {
  const shared = Object.fromEntries(
    Object.values(COLLECTIONS).map((definition) => [
      definition.name,
      // The derived schema is RxDB's JSON schema written without importing rxdb into shared/.
      toRxJsonSchema(definition) as unknown as RxJsonSchema<unknown>,
    ]),
  ) as Record<CollectionName, RxJsonSchema<unknown>>;
  return {
    ...shared,
    balances: BALANCES_SCHEMA as RxJsonSchema<unknown>,
    sync_errors: SYNC_ERRORS_SCHEMA as RxJsonSchema<unknown>,
  };
}
