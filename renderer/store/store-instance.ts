import type { StockroomDatabase } from './collections';

const STORE_KEY = Symbol.for('stockroom-edge.store');
type Holder = { [STORE_KEY]?: Promise<StockroomDatabase> };

/**
 * One database per window. React StrictMode renders effects twice and hot reload re-runs modules;
 * each extra createRxDatabase would take 12 more of the 13 free collection slots. The promise lives
 * on globalThis so a re-evaluated module still finds it.
 */
export function storeOnce(open: () => Promise<StockroomDatabase>): Promise<StockroomDatabase> {
  const holder = globalThis as Holder;
  const existing = holder[STORE_KEY];
  if (existing) return existing;
  const opening = open();
  holder[STORE_KEY] = opening;
  // A failed open must not poison the window: the next attempt tries again.
  opening.catch(() => {
    if (holder[STORE_KEY] === opening) holder[STORE_KEY] = undefined;
  });
  return opening;
}
