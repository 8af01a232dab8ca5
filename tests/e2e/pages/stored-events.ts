import type { Page } from '@playwright/test';

/** Every stock event in this origin's store, read straight from IndexedDB (not through the app). */
export function storedEvents(page: Page): Promise<Record<string, unknown>[]> {
  return storedDocuments(page, 'stock_events');
}

/** Every document of one collection in this origin's store, read straight from IndexedDB. */
export function storedDocuments(
  page: Page,
  collection: string,
): Promise<Record<string, unknown>[]> {
  return page.evaluate(async (collection) => {
    // A collection has a database of its own, except the ledger's two, which share one
    // (renderer/store/ledger-storage.ts) with a table named after each.
    const names = (await indexedDB.databases())
      .map((d) => d.name ?? '')
      .filter((n) => n.endsWith(`--${collection}`) || n.endsWith('--ledger'));
    const events: Record<string, unknown>[] = [];
    for (const name of names) {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open(name);
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      const stores = name.endsWith('--ledger')
        ? Array.from(db.objectStoreNames).filter((s) => s === collection)
        : Array.from(db.objectStoreNames);
      for (const store of stores) {
        const rows = await new Promise<unknown[]>((resolve, reject) => {
          const all = db.transaction(store).objectStore(store).getAll();
          all.onsuccess = () => resolve(all.result as unknown[]);
          all.onerror = () => reject(all.error);
        });
        for (const row of rows) events.push(row as Record<string, unknown>);
      }
      db.close();
    }
    return events;
  }, collection);
}
