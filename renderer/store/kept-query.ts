import type { MangoQuery, RxCollection } from 'rxdb';

export interface KeptQuery<T> {
  current(): { docs: T[]; loading: boolean };
  subscribe(listener: () => void): () => void;
}

const kept = new WeakMap<RxCollection, Map<string, KeptQuery<unknown>>>();

/**
 * A live query held open for the window's lifetime, so a screen that reads a small collection
 * (recall cases, recall notices) draws its current documents on its first render instead of
 * waiting a render for the query to answer. Started at the first call; the same query is shared.
 */
export function keptQuery<T>(collection: RxCollection<T>, query: MangoQuery<T> = {}): KeptQuery<T> {
  const key = JSON.stringify(query);
  const byKey = kept.get(collection as RxCollection) ?? new Map<string, KeptQuery<unknown>>();
  kept.set(collection as RxCollection, byKey);
  const existing = byKey.get(key);
  if (existing) return existing as KeptQuery<T>;
  let state: { docs: T[]; loading: boolean } = { docs: [], loading: true };
  const listeners = new Set<() => void>();
  collection.find(query).$.subscribe((docs) => {
    state = { docs: docs.map((d) => d.toMutableJSON() as T), loading: false };
    for (const listener of listeners) listener();
  });
  const held: KeptQuery<T> = {
    current: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  byKey.set(key, held as KeptQuery<unknown>);
  return held;
}
