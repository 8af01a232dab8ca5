import { useEffect, useState } from 'react';
import { consoleApi } from '../api/calls';
import type { ApiError } from '../api/http';
import { isolatedName } from '../../shared/console/isolated-name';

export interface ItemChoice {
  value: string;
  label: string;
}

/** The item master's active items, searched on the endpoint as the person types. */
export function useItemChoices() {
  const [search, setSearch] = useState('');
  const [data, setData] = useState<ItemChoice[]>([]);
  const [capped, setCapped] = useState(false);
  const [error, setError] = useState<ApiError>();
  useEffect(() => {
    let current = true;
    // The choice already shown is searched for by its label: ask the endpoint only for new text.
    const known = data.some((c) => c.label === search);
    if (known) return;
    const timer = setTimeout(() => {
      consoleApi.items(search).then(
        (answer) => {
          if (!current) return;
          setData(
            answer.items.map((i) => ({ value: i.id, label: `${isolatedName(i.name)} (${i.id})` })),
          );
          setCapped(answer.capped);
          setError(undefined);
        },
        (failure: ApiError) => current && setError(failure),
      );
    }, 200);
    return () => {
      current = false;
      clearTimeout(timer);
    };
    // `data` is read only to skip a search for the chosen label, not to search again when it changes.
  }, [search]);
  return { data, capped, error, search: setSearch };
}
