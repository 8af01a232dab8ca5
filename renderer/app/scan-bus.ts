import { useEffect, useRef } from 'react';
import { create } from 'zustand';
import type { WedgeScan } from '../scanning/attach-wedge';

/**
 * Answers `false` when the scan is not for it: the scan then goes on to the handler below (a
 * panel over a screen takes a badge and leaves a product label to the screen).
 */
type ScanHandler = (scan: WedgeScan) => unknown;

/**
 * One scan goes to one place: the last mounted handler (the screen, or a panel on it) takes it
 * unless it passes it on; the last scan is kept for the scanner set-up screen. UI state, so zustand.
 */
interface ScanBusState {
  handlers: { id: number; handle: ScanHandler }[];
  last?: WedgeScan;
  publish(scan: WedgeScan): void;
}

let nextId = 1;

export const useScanBus = create<ScanBusState>((set, get) => ({
  handlers: [],
  publish(scan) {
    set({ last: scan });
    const handlers = get().handlers;
    for (let n = handlers.length - 1; n >= 0; n--) {
      if (handlers[n]?.handle(scan) !== false) return;
    }
  },
}));

/** Routes scans to `handler` while the calling screen is mounted. */
export function useScans(handler: ScanHandler): void {
  const ref = useRef(handler);
  useEffect(() => {
    ref.current = handler;
  });
  useEffect(() => {
    const id = nextId++;
    const entry = { id, handle: (scan: WedgeScan) => ref.current(scan) };
    useScanBus.setState((s) => ({ handlers: [...s.handlers, entry] }));
    return () => useScanBus.setState((s) => ({ handlers: s.handlers.filter((h) => h.id !== id) }));
  }, []);
}
