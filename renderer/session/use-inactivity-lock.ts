import { useEffect } from 'react';
import { useSession } from './session-store';

const ACTIVITY = ['pointerdown', 'keydown', 'wheel', 'touchstart'] as const;

/** Locks the screen after `seconds` without a touch, click, key or scan. */
export function useInactivityLock(seconds: number): void {
  const signedIn = useSession((s) => s.user !== undefined && !s.locked);
  const lock = useSession((s) => s.lock);
  useEffect(() => {
    if (!signedIn || seconds <= 0) return;
    let timer = setTimeout(lock, seconds * 1000);
    const reset = () => {
      clearTimeout(timer);
      timer = setTimeout(lock, seconds * 1000);
    };
    for (const type of ACTIVITY)
      window.addEventListener(type, reset, { capture: true, passive: true });
    return () => {
      clearTimeout(timer);
      for (const type of ACTIVITY) window.removeEventListener(type, reset, { capture: true });
    };
  }, [signedIn, seconds, lock]);
}
