import { useEffect, useState } from 'react';

export const SCREENS = [
  'pcs',
  'exceptions',
  'requests',
  'indicators',
  'recalls',
  'integration',
  'audit',
  'people',
] as const;
export type Screen = (typeof SCREENS)[number];

function current(): Screen {
  const name = window.location.hash.replace(/^#\/?/, '');
  return (SCREENS as readonly string[]).includes(name) ? (name as Screen) : 'pcs';
}

/** Screens live in the URL's hash: a reload or a shared link opens the same screen. */
export function useHashRoute(): [Screen, (screen: Screen) => void] {
  const [screen, setScreen] = useState<Screen>(current);
  useEffect(() => {
    const update = () => setScreen(current());
    window.addEventListener('hashchange', update);
    return () => window.removeEventListener('hashchange', update);
  }, []);
  return [screen, (next) => (window.location.hash = `#/${next}`)];
}
