import type { RxCollection, RxDatabase, RxJsonSchema } from 'rxdb';
import {
  COLLECTIONS,
  toRxJsonSchema,
  type CollectionDocument,
  type CollectionName,
} from '../../shared/model';
import { BALANCES_SCHEMA, type BalanceDoc } from './local-schemas';

export type StoreCollections = {
  [K in CollectionName]: RxCollection<CollectionDocument<K>>;
} & {
  balances: RxCollection<BalanceDoc>;
};
export type StoreCollectionName = keyof StoreCollections;
export type StockroomDatabase = RxDatabase<StoreCollections>;

/**
 * The free RxDB core opens at most 13 collections per window, and a 14th waits and then fails
 * whenever a second database is open (RxCollection.prepare, COL23). We use all 13: the twelve
 * shared documents (the last two, sign-in attempts and relabel prints, only go up to the centre)
 * and the local balances projection. A new collection means merging two first. The sync errors
 * inbox, device counters, settings and the sync checkpoint are RxDB local documents, which take no
 * collection slot.
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
  };
}
