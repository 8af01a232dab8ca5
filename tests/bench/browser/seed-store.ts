import type { Page } from '@playwright/test';
import { foldLedger } from '../../../shared/inventory/ledger-fold';
import type { StockEvent } from '../../../shared/model';

/**
 * Fills the app's own store in the page with history events, then rewrites the balances projection
 * from a fold of every stored event, as the app's projection would hold it.
 *
 * The events go straight into the ledger's IndexedDB table (renderer/store/ledger-storage.ts) in
 * the very shape RxDB's Dexie storage gives the rows it writes, copied from a row the app wrote
 * itself: through RxDB's bulkInsert a million events took about half an hour, which made the
 * figure for a million stored events impractical. The count RxDB answers afterwards, through its
 * own index, proves the rows are ones it reads as its own.
 */
const CHUNK = 20_000;

type Holder = Record<symbol, Promise<unknown> | undefined>;

/** The events the app wrote itself (the demo seed), read before any history is added. */
export function ownEvents(page: Page): Promise<StockEvent[]> {
  return page.evaluate(async () => {
    type Doc = { toMutableJSON(): unknown };
    type Store = { stock_events: { find(): { exec(): Promise<Doc[]> } } };
    const db = (await (globalThis as unknown as Holder)[
      Symbol.for('stockroom-edge.store')
    ]) as Store;
    return (await db.stock_events.find().exec()).map((d) => d.toMutableJSON()) as StockEvent[];
  });
}

export async function seedAppStore(page: Page, events: readonly StockEvent[]): Promise<number> {
  for (let i = 0; i < events.length; i += CHUNK) {
    await page.evaluate(
      async (chunk) => {
        const names = (await indexedDB.databases()).map((d) => d.name ?? '');
        const name = names.find(
          (n) => n.startsWith('rxdb-dexie-stockroom--') && n.endsWith('--ledger'),
        );
        if (!name) throw new Error(`no ledger database among ${names.join(', ')}`);
        const idb = await new Promise<IDBDatabase>((resolve, reject) => {
          const open = indexedDB.open(name);
          open.onsuccess = () => resolve(open.result);
          open.onerror = () => reject(open.error);
        });
        try {
          const tx = idb.transaction('stock_events', 'readwrite');
          const table = tx.objectStore('stock_events');
          // A row the app's RxDB wrote: its bookkeeping fields are the pattern for the new rows.
          const model = await new Promise<Record<string, unknown>>((resolve, reject) => {
            const cursor = table.openCursor();
            cursor.onsuccess = () => {
              if (!cursor.result) reject(new Error('the app wrote no stock event to copy'));
              else resolve(cursor.result.value as Record<string, unknown>);
            };
            cursor.onerror = () => reject(cursor.error);
          });
          const lwt = Date.now();
          for (const event of chunk) {
            table.put({
              ...event,
              _deleted: model['_deleted'],
              _attachments: {},
              _rev: model['_rev'],
              _meta: { lwt },
            });
          }
          await new Promise<void>((resolve, reject) => {
            tx.oncomplete = () => resolve();
            tx.onerror = () => reject(tx.error);
            tx.onabort = () => reject(tx.error ?? new Error('seeding transaction aborted'));
          });
        } finally {
          idb.close();
        }
      },
      events.slice(i, i + CHUNK),
    );
  }
  return page.evaluate(async () => {
    type Store = { stock_events: { count(): { exec(): Promise<number> } } };
    const db = (await (globalThis as unknown as Holder)[
      Symbol.for('stockroom-edge.store')
    ]) as Store;
    return db.stock_events.count().exec();
  });
}

/** Folds the app's own events with the history and stores the balances. */
export async function rebuildBalances(
  page: Page,
  own: readonly StockEvent[],
  history: readonly StockEvent[],
): Promise<number> {
  const { balances } = foldLedger([...own, ...history]);
  const docs = [...balances.values()].map((b) => ({
    ...b,
    id: `${b.locationId}|${b.itemId}|${b.lotCode}`,
  }));
  await page.evaluate(async (rows) => {
    type Store = { balances: { bulkUpsert(docs: unknown[]): Promise<{ error: unknown[] }> } };
    const db = (await (globalThis as unknown as Holder)[
      Symbol.for('stockroom-edge.store')
    ]) as Store;
    const result = await db.balances.bulkUpsert(rows);
    if (result.error.length > 0) throw new Error(`${result.error.length} balances refused`);
  }, docs);
  return docs.length;
}
