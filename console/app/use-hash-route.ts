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
  const name = window.location.hash.replace(/^#\/?/, '').split('?')[0] ?? '';
  return (SCREENS as readonly string[]).includes(name) ? (name as Screen) : 'pcs';
}

/**
 * A screen's filter in the hash (`#/requests?facility=FAC-NORTH`): a figure on one screen links
 * to its records on another, and a reload or a shared link keeps the filter.
 */
export function hashParam(name: string): string | null {
  const query = window.location.hash.split('?')[1] ?? '';
  return new URLSearchParams(query).get(name);
}

/** The hash for a screen with its filters (empty ones left out). */
export function hashOf(screen: Screen, params: Record<string, string | null> = {}): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value) query.set(key, value);
  const text = query.toString();
  return `#/${screen}${text ? `?${text}` : ''}`;
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
