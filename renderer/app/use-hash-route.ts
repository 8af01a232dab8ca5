import { useEffect, useState } from 'react';

/**
 * The screen lives in the URL hash (#/issue) so a reload comes back to it. `startAtFallback`
 * leaves whatever screen the address names (another person's) for the fallback, in place of it.
 */
export function useHashRoute(
  fallback: string,
  startAtFallback = false,
): [string, (id: string) => void] {
  const read = () => window.location.hash.replace(/^#\/?/, '') || fallback;
  const [route, setRoute] = useState(() => {
    if (!startAtFallback) return read();
    window.history.replaceState(window.history.state, '', `#/${fallback}`);
    return fallback;
  });
  useEffect(() => {
    const onChange = () => setRoute(read());
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  });
  // The screen changes in the click's own task: 'hashchange' arrives as a task of its own, and
  // the browser often painted a frame (the link's focus) before it, a 25–35 ms wait in a profile
  // of the dashboard's figure 13. The event that follows finds the route already set.
  const go = (id: string) => {
    setRoute(id);
    window.location.hash = `/${id}`;
  };
  return [route, go];
}
