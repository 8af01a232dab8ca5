import { parseScan } from './parse-scan';
import type { ScanSuccess } from './types';

/**
 * A scan at the sign-in prompt that is plainly a label on stock, not a badge: a badge scan is
 * checked against every person's verifier (one Argon2id derivation each, about 80 ms), so a box
 * scanned there by mistake would hold the screen for seconds before saying "not known". Only
 * labels no badge can be are named: a GS1 scan carrying a trade item (AI 01 or 02) or a shipping
 * unit (AI 00), a HIBCC product symbol, an ISBT 128 product or donation. Plain digits are never
 * named, whatever their length and check digit (a badge number may look like a GTIN), nor a GS1
 * badge (a GSRN, AI 8018), nor anything the parser does not read.
 */
export function stockLabelWords(raw: string, today: string): string | undefined {
  const scan = parseScan(raw, { today });
  if (!scan.ok || scan.form === 'plain-gtin') return undefined;
  return wordsFor(scan);
}

function wordsFor(scan: ScanSuccess): string | undefined {
  if (scan.standard === 'GS1') {
    if (scan.gtin)
      return `a product label (GTIN ${scan.gtin}${scan.lot ? `, lot ${scan.lot}` : ''})`;
    if (scan.sscc) return `a shipping label (SSCC ${scan.sscc})`;
    return undefined;
  }
  if (scan.standard === 'HIBCC') return 'a product label (HIBCC)';
  if (scan.standard === 'ISBT128' && (scan.isbt128?.productCode || scan.isbt128?.din)) {
    return 'a blood product label (ISBT 128)';
  }
  return undefined;
}
