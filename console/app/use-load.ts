import { useCallback, useEffect, useState } from 'react';
import { ApiError } from '../api/http';

export interface Loaded<T> {
  data: T | undefined;
  error: ApiError | undefined;
  loading: boolean;
  reload(): void;
}

/** Loads once and on reload(); keeps the last data while reloading, so a table does not flash. */
export function useLoad<T>(load: () => Promise<T>, refreshMs?: number): Loaded<T> {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<ApiError>();
  const [loading, setLoading] = useState(true);
  const [round, setRound] = useState(0);
  const reload = useCallback(() => setRound((r) => r + 1), []);
  useEffect(() => {
    let live = true;
    setLoading(true);
    load().then(
      (value) => {
        if (!live) return;
        setData(value);
        setError(undefined);
        setLoading(false);
      },
      (failure: unknown) => {
        if (!live) return;
        setError(
          failure instanceof ApiError ? failure : new ApiError(0, 'UNKNOWN', String(failure)),
        );
        setLoading(false);
      },
    );
    return () => {
      live = false;
    };
    // `load` is a new function each render; the round is what asks for a new load.
  }, [round]);
  useEffect(() => {
    if (!refreshMs) return undefined;
    const timer = setInterval(reload, refreshMs);
    return () => clearInterval(timer);
  }, [refreshMs, reload]);
  return { data, error, loading, reload };
}
