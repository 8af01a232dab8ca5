import { scanError } from './error-codes';
import { gtinCheckDigit } from './gs1-check-digit';
import type { ScanResult } from './types';

export const GTIN_LENGTHS: readonly number[] = [8, 12, 13, 14];

/** A bare GTIN-8, UPC-A (GTIN-12), EAN-13 or GTIN-14, as EAN/UPC and ITF-14 symbols carry it. */
export function parsePlainGtin(digits: string, symbology: string | undefined): ScanResult {
  const tagged = symbology === undefined ? {} : { symbology };
  if (!/^\d+$/.test(digits) || !GTIN_LENGTHS.includes(digits.length)) {
    const error = scanError('GTIN_BAD_LENGTH', { value: digits.slice(0, 20) }, 0);
    return { ok: false, standard: 'GTIN', ...tagged, error };
  }
  const expected = gtinCheckDigit(digits.slice(0, -1));
  if (expected !== Number(digits.slice(-1))) {
    const error = scanError('GTIN_CHECK_DIGIT', { value: digits, expected }, digits.length - 1);
    return { ok: false, standard: 'GTIN', ...tagged, error };
  }
  return {
    ok: true,
    standard: 'GTIN',
    form: 'plain-gtin',
    ...tagged,
    // Leading zeros do not change a mod-10 check digit, so padding keeps the GTIN valid.
    gtin: digits.padStart(14, '0'),
    warnings: [],
  };
}
