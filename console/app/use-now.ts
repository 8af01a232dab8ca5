import { useEffect, useState } from 'react';

/**
 * The time, moving on while the page stays open: a figure worked out from an instant ("45 min")
 * is rendered against this, not frozen at the moment its list loaded.
 */
export function useNow(everyMs = 15_000): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}
