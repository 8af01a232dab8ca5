import type { ProductScan } from './resolve-scan';

/**
 * The lot a stock event is for, as the label gave it: the lot code, and the expiry only when the
 * label carries one (the ledger never stores a guessed expiry).
 */
export function scannedLot(scan: ProductScan): { lotCode: string; expiry?: string } {
  return { lotCode: scan.lotCode, ...(scan.expiry ? { expiry: scan.expiry } : {}) };
}

/** Kept on an event whose item and lot were entered by hand: the ledger says no label was read. */
export const TYPED_NOTE = 'Entered by hand after a search: no label was scanned.';
