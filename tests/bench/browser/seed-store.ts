import type { Page } from '@playwright/test';
import { foldLedger } from '../../../shared/inventory/ledger-fold';
import type { StockEvent } from '../../../shared/model';

/**
 * Fills the app's own store in the page (the RxDB database the app opened, found where
 * store-instance.ts keeps it) with history events through its bulkInsert, then rewrites the
 * balances projection from a fold of every stored event, as the app's projection would hold it.
 */
const CHUNK = 10_000;

export async function seedAppStore(page: Page, events: readonly StockEvent[]): Promise<number> {
  for (let i = 0; i < events.length; i += CHUNK) {
    await page.evaluate(
      async (chunk) => {
        type Store = {
          stock_events: { bulkInsert(docs: unknown[]): Promise<{ error: unknown[] }> };
        };
        const holder = globalThis as unknown as Record<symbol, Promise<Store> | undefined>;
        const db = await holder[Symbol.for('stockroom-edge.store')]!;
        const result = await db.stock_events.bulkInsert(chunk);
        if (result.error.length > 0) throw new Error(`${result.error.length} events refused`);
      },
      events.slice(i, i + CHUNK),
    );
  }
  return page.evaluate(async () => {
    type Store = { stock_events: { count(): { exec(): Promise<number> } } };
    const holder = globalThis as unknown as Record<symbol, Promise<Store> | undefined>;
    const db = await holder[Symbol.for('stockroom-edge.store')]!;
    return db.stock_events.count().exec();
  });
}

/** Reads the events the app wrote itself (the demo seed), folds them with the history, stores balances. */
export async function rebuildBalances(page: Page, history: readonly StockEvent[]): Promise<number> {
  const own = await page.evaluate(async () => {
    type Doc = { toMutableJSON(): unknown };
    type Store = {
      stock_events: { find(q: unknown): { exec(): Promise<Doc[]> } };
    };
    const holder = globalThis as unknown as Record<symbol, Promise<Store> | undefined>;
    const db = await holder[Symbol.for('stockroom-edge.store')]!;
    const docs = await db.stock_events
      .find({ selector: { id: { $not: { $regex: '^EVT-HIST-' } } } })
      .exec();
    return docs.map((d) => d.toMutableJSON());
  });
  const { balances } = foldLedger([...(own as StockEvent[]), ...history]);
  const docs = [...balances.values()].map((b) => ({
    ...b,
    id: `${b.locationId}|${b.itemId}|${b.lotCode}`,
  }));
  await page.evaluate(async (rows) => {
    type Store = { balances: { bulkUpsert(docs: unknown[]): Promise<{ error: unknown[] }> } };
    const holder = globalThis as unknown as Record<symbol, Promise<Store> | undefined>;
    const db = await holder[Symbol.for('stockroom-edge.store')]!;
    const result = await db.balances.bulkUpsert(rows);
    if (result.error.length > 0) throw new Error(`${result.error.length} balances refused`);
  }, docs);
  return docs.length;
}
