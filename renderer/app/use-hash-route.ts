import { useEffect, useState } from 'react';

/** The screen lives in the URL hash (#/issue) so a reload comes back to it. */
export function useHashRoute(fallback: string): [string, (id: string) => void] {
  const read = () => window.location.hash.replace(/^#\/?/, '') || fallback;
  const [route, setRoute] = useState(read);
  useEffect(() => {
    const onChange = () => setRoute(read());
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  });
  return [route, (id) => (window.location.hash = `/${id}`)];
}
