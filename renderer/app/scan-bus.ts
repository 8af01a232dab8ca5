import { useEffect, useRef } from 'react';
import { create } from 'zustand';
import type { WedgeScan } from '../scanning/attach-wedge';

type ScanHandler = (scan: WedgeScan) => void;

/**
 * One scan goes to one place: the screen on top registers its handler; the last scan is kept for
 * the scanner set-up screen. UI state, so zustand.
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
    get().handlers.at(-1)?.handle(scan);
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
