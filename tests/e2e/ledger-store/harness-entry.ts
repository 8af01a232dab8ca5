import { Dexie } from 'dexie';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { replicateRxCollection } from 'rxdb/plugins/replication';
import type { StockroomDatabase } from '../../../renderer/store/collections';
import { catchUpBalances, recordEvents } from '../../../renderer/store/ledger-writer';
import { ledgerPair } from '../../../renderer/store/ledger-storage';
import { writeLedgerJointly } from '../../../renderer/store/ledger-joint-write';
import { openStore } from '../../../renderer/store/open-store';
import { runMigrations } from '../../../renderer/store/migration-runner';
import { stockroomStorage } from '../../../renderer/store/stockroom-storage';
import { addTestUsers } from '../../unit/store-test-users';

/**
 * The store's real modules, bundled for a page of the app's origin: the ledger tests drive RxDB
 * on Dexie on Chromium's IndexedDB, which Node has no copy of.
 */
const harness = {
  /** `plain`: RxDB's own Dexie storage, one database per collection (the layout before). */
  async open(name: string, layout: 'ledger' | 'plain'): Promise<StockroomDatabase> {
    const db = await openStore({
      name,
      storage: layout === 'ledger' ? stockroomStorage() : getRxStorageDexie(),
      password: 'test-key-0123456789',
    });
    // As start-app does: collections with older schema versions accept writes only after this.
    const migrated = await runMigrations(db, () => undefined);
    if (!migrated.ok) throw new Error(migrated.error.message);
    return db;
  },
  addTestUsers,
  recordEvents,
  catchUpBalances,
  writeLedgerJointly,
  ledgerPair,
  replicateRxCollection,
  Dexie,
};

export type LedgerHarness = typeof harness;
(globalThis as unknown as { ledgerHarness: LedgerHarness }).ledgerHarness = harness;
