import { parseScan } from '../../shared/barcode/parse-scan';
import type { ScanResult, ScanSuccess } from '../../shared/barcode/types';
import type { Item, Location, PendingItem } from '../../shared/model';

export interface ProductScan {
  kind: 'product';
  parsed: ScanSuccess;
  /** The item master entry, when the product code is known. */
  item?: Item;
  /** A product captured earlier as pending, when the item master did not know it. */
  pending?: PendingItem;
  gtin?: string;
  hibccCode?: string;
  /** The ISBT 128 processor product identification code. */
  isbt128Code?: string;
  lotCode: string;
  expiry?: string;
  serial?: string;
  quantity?: number;
  /** Typed by hand after a search, not read from a label. */
  typed?: boolean;
}

export type ResolvedScan =
  | ProductScan
  | { kind: 'location'; location: Location }
  | { kind: 'rejected'; parsed: ScanResult; code: string; message: string };

export interface ScanContext {
  today: string;
  items: readonly Item[];
  locations: readonly Location[];
  pendingItems: readonly PendingItem[];
}

function hibccProductCode(parsed: ScanSuccess): string | undefined {
  const info = parsed.hibcc;
  return info && 'productCode' in info ? info.productCode : undefined;
}

/** The product code a person reads on screen, with the standard it comes from. */
export function productCodeLabel(scan: Pick<ProductScan, 'gtin' | 'hibccCode' | 'isbt128Code'>) {
  if (scan.gtin) return `GTIN ${scan.gtin}`;
  if (scan.isbt128Code) return `ISBT 128 ${scan.isbt128Code}`;
  return `HIBCC ${scan.hibccCode ?? ''}`;
}

/**
 * What a scan names: a shelf label, or a product with its lot, expiry and serial. The parsing is
 * shared/barcode's; this only looks the product up in the local item master.
 */
export function resolveScan(text: string, context: ScanContext): ResolvedScan {
  const trimmed = text.trim();
  const location = context.locations.find((l) => l.barcode === trimmed || l.id === trimmed);
  if (location) return { kind: 'location', location };
  const parsed = parseScan(text, { today: context.today });
  if (!parsed.ok) return { kind: 'rejected', parsed, ...parsed.error };
  const gtin = parsed.gtin;
  const hibccCode = hibccProductCode(parsed);
  const isbt128Code = parsed.isbt128?.productCode;
  if (!gtin && !hibccCode && !isbt128Code) {
    return {
      kind: 'rejected',
      parsed,
      code: 'NO_PRODUCT',
      message:
        'This label has no product code (it may be the second half of a two-part label). Scan the label that carries the GTIN, HIBCC or ISBT 128 product code.',
    };
  }
  const item = context.items.find(
    (i) =>
      (gtin !== undefined && i.gtins.includes(gtin)) ||
      (hibccCode !== undefined && i.hibccCodes.includes(hibccCode)) ||
      (isbt128Code !== undefined && (i.isbt128Codes ?? []).includes(isbt128Code)),
  );
  const pending = item
    ? undefined
    : context.pendingItems.find(
        (p) =>
          (gtin !== undefined && p.gtin === gtin) ||
          (hibccCode !== undefined && p.hibccCode === hibccCode) ||
          (isbt128Code !== undefined && p.isbt128Code === isbt128Code),
      );
  return {
    kind: 'product',
    parsed,
    ...(item ? { item } : {}),
    ...(pending ? { pending } : {}),
    ...(gtin ? { gtin } : {}),
    ...(hibccCode ? { hibccCode } : {}),
    ...(isbt128Code ? { isbt128Code } : {}),
    lotCode: parsed.lot ?? '',
    ...(parsed.expiry ? { expiry: parsed.expiry } : {}),
    ...(parsed.serial ? { serial: parsed.serial } : {}),
    ...(parsed.quantity !== undefined ? { quantity: parsed.quantity } : {}),
  };
}
