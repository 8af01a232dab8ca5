import { useState } from 'react';
import type { Location } from '../../shared/model';
import { beep } from '../scanning/feedback';
import { resolveScan, type ProductScan } from '../scanning/resolve-scan';
import { useScans } from './scan-bus';
import { useStockData } from './stock-data';

export interface ProductScanState {
  scan?: ProductScan;
  error?: { code: string; message: string };
  clear(): void;
  /** An item found by search and entered by hand: it takes the same path as a scan. */
  enter(product: ProductScan): void;
  /** Scans that arrived while one waited for confirmation, oldest first. */
  queued: readonly ProductScan[];
}

export interface ProductScanOptions {
  /**
   * The screen asks for a confirmation: a scan arriving while one waits is queued, never put in
   * its place, and comes up when the waiting one is confirmed or cancelled.
   */
  queueWhileWaiting?: boolean;
  /**
   * Scan to count: a scan of the same item and lot as the one waiting is handed here instead of
   * being queued. Answers whether it took it (false: queued as usual).
   */
  onRepeat?: (scan: ProductScan) => boolean;
}

/** The same item and lot: what a scan-to-count repeat must be to add one. */
export function sameItemAndLot(a: ProductScan, b: ProductScan): boolean {
  const product = (s: ProductScan) =>
    s.item?.id ?? s.pending?.id ?? s.gtin ?? s.hibccCode ?? s.isbt128Code;
  return product(a) !== undefined && product(a) === product(b) && a.lotCode === b.lotCode;
}

/**
 * Routes this screen's scans: products become the current scan, shelf labels go to `onLocation`,
 * unreadable labels become an error in the parser's own words.
 */
export function useProductScan(
  onProduct?: (scan: ProductScan) => void,
  onLocation?: (location: Location) => void,
  options: ProductScanOptions = {},
): ProductScanState {
  const data = useStockData();
  const [scan, setScan] = useState<ProductScan>();
  const [queued, setQueued] = useState<readonly ProductScan[]>([]);
  const [error, setError] = useState<{ code: string; message: string }>();
  useScans((incoming) => {
    const resolved = resolveScan(incoming.text, {
      today: data.today,
      items: data.items,
      locations: data.locations,
      pendingItems: data.pendingItems,
    });
    if (resolved.kind === 'location') {
      if (onLocation) {
        beep('ok');
        onLocation(resolved.location);
      } else {
        beep('warn');
        setError({
          code: 'LOCATION_SCANNED',
          message: `That is the shelf label of ${resolved.location.name}. Scan the item's label.`,
        });
      }
      return;
    }
    if (resolved.kind === 'rejected') {
      beep('warn');
      setScan(undefined);
      setError({ code: resolved.code, message: resolved.message });
      return;
    }
    setError(undefined);
    if (scan && sameItemAndLot(resolved, scan) && options.onRepeat?.(resolved)) return;
    if (options.queueWhileWaiting && scan) {
      beep('warn');
      setQueued((waiting) => [...waiting, resolved]);
      return;
    }
    setScan(resolved);
    onProduct?.(resolved);
  });
  return {
    ...(scan ? { scan } : {}),
    ...(error ? { error } : {}),
    clear: () => {
      setError(undefined);
      const [next, ...rest] = queued;
      setQueued(rest);
      setScan(next);
      if (next) onProduct?.(next);
    },
    queued,
    enter: (product) => {
      setError(undefined);
      setScan(product);
      onProduct?.(product);
    },
  };
}
