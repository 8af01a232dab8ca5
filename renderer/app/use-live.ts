import { useEffect, useState, useSyncExternalStore } from 'react';
import type { MangoQuery, RxCollection } from 'rxdb';
import { keptQuery } from '../store/kept-query';

/**
 * The documents of a live query as plain objects, re-rendered when they change. The selector is
 * compared by its JSON so an inline object does not restart the query on every render.
 */
export function useLiveQuery<T>(
  collection: RxCollection<T>,
  query: MangoQuery<T> = {},
): { docs: T[]; loading: boolean } {
  const key = JSON.stringify(query);
  const [state, setState] = useState<{ docs: T[]; loading: boolean; key: string }>({
    docs: [],
    loading: true,
    key,
  });
  useEffect(() => {
    const subscription = collection
      .find(JSON.parse(key) as MangoQuery<T>)
      .$.subscribe((docs) =>
        setState({ docs: docs.map((d) => d.toMutableJSON() as T), loading: false, key }),
      );
    return () => subscription.unsubscribe();
  }, [collection, key]);
  return state.key === key ? state : { docs: [], loading: true };
}

/**
 * The documents of a query kept open for the window (see kept-query.ts): current on the first
 * render once the store has answered, re-rendered when they change.
 */
export function useKeptQuery<T>(
  collection: RxCollection<T>,
  query?: MangoQuery<T>,
): { docs: T[]; loading: boolean } {
  const held = keptQuery(collection, query);
  return useSyncExternalStore(held.subscribe, held.current);
}
