import { useEffect, useRef } from 'react';

/**
 * Esc anywhere on the page cancels what waits for the person (a scanned item, a STOP): keyboard
 * first. An open dropdown or dialog takes its own Esc first.
 */
export function useEscapeCancel(onCancel: () => void): void {
  const cancel = useRef(onCancel);
  useEffect(() => {
    cancel.current = onCancel;
  });
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented) return;
      // Mantine keeps closed listboxes in the page, hidden: only a visible one counts.
      const open = document.querySelectorAll('[role="listbox"], [role="dialog"]');
      if ([...open].some((el) => el.checkVisibility())) return;
      cancel.current();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
