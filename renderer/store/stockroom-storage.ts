import { storeSchemas } from './collections';
import { ledgerStorage } from './ledger-storage';
import type { AnyStorage } from './open-store';

/**
 * The app's storage: RxDB on Dexie, with the ledger's two collections in one IndexedDB database.
 * Opening and removing the store must both use it, or a removal misses the ledger.
 */
export function stockroomStorage(): AnyStorage {
  const schemas = storeSchemas();
  return ledgerStorage({ stock_events: schemas.stock_events, balances: schemas.balances });
}
