import { useLayoutEffect, useRef, type RefObject } from 'react';

/**
 * Where the keyboard goes when what it was on disappears. A browser drops the focus to the page
 * body when the focused button is removed (a confirm bar after its confirm), and the next Tab then
 * starts again at the top of the navigation, far from the work. These put it back near the work.
 */

/** The focus is nowhere a person put it: on the body, or nothing. */
export function focusIsLost(): boolean {
  const active = document.activeElement;
  return active === null || active === document.body || active === document.documentElement;
}

/** Focuses an element that is not in the Tab order (a heading, a card) without scrolling past it. */
export function focusQuietly(element: HTMLElement | null | undefined): boolean {
  if (!element) return false;
  // A heading or card takes the focus only with a tabindex; a control already has one.
  if (element.tabIndex < 0 && !element.hasAttribute('tabindex')) element.tabIndex = -1;
  element.focus({ preventScroll: true });
  element.scrollIntoView({ block: 'nearest' });
  return document.activeElement === element;
}

/** The screen's main heading: the next Tab reaches the screen's first control, the next scan works. */
export function screenHeading(): HTMLElement | null {
  return document.querySelector<HTMLElement>('main h1');
}

/** The screen's own heading is where the focus landed when nothing better was found. */
export function focusIsOnHeading(): boolean {
  const heading = screenHeading();
  return heading !== null && document.activeElement === heading;
}

/**
 * While the returned element is drawn, nothing happens; when it is taken away holding the focus
 * (or after the focus was already lost, e.g. its button turned busy), `land` chooses where the
 * focus goes (default: the screen's heading). It runs before the element leaves the page, so `land`
 * can still look at the element's neighbours.
 */
export function useFocusRescue<T extends HTMLElement>(
  land?: (leaving: T) => void,
): RefObject<T | null> {
  const ref = useRef<T>(null);
  const landing = useRef(land);
  useLayoutEffect(() => {
    landing.current = land;
  });
  useLayoutEffect(() => {
    const element = ref.current;
    return () => {
      if (!element || !(element.contains(document.activeElement) || focusIsLost())) return;
      if (landing.current) landing.current(element);
      else focusQuietly(screenHeading());
    };
  }, []);
  return ref;
}
