import type { Item, LotRange, RecallNotice } from '../model';

/**
 * What a recall covers, as the console's Recalls screen shows it on the notice's card: the
 * products (with the item's name where the master knows the code), the lots, ranges and serials,
 * the expiry window and what the stockrooms must do. A buyer reads this instead of the ERP.
 */

/** A notice may name 10,000 lots: the list stays readable and the answer small. */
export const RECALL_SCOPE_LIST_MAX = 50;

export const RECALLED_PRODUCT_KINDS = ['GTIN', 'HIBCC', 'item', 'catalogue number'] as const;
export type RecalledProductKind = (typeof RECALLED_PRODUCT_KINDS)[number];

export interface RecalledProduct {
  kind: RecalledProductKind;
  code: string;
  /** The item master's name for the code; null when no item holds it. */
  itemName: string | null;
}

export interface RecallScope {
  source: string;
  products: RecalledProduct[];
  allLots: boolean;
  /** At most RECALL_SCOPE_LIST_MAX of them; lotCodeCount says how many the notice names. */
  lotCodes: string[];
  lotCodeCount: number;
  lotRanges: LotRange[];
  /** At most RECALL_SCOPE_LIST_MAX of them; serialCount says how many the notice names. */
  serials: string[];
  serialCount: number;
  expiryFrom: string | null;
  expiryTo: string | null;
  instructions: string;
}

export type ItemNaming = Pick<Item, 'id' | 'name' | 'gtins' | 'hibccCodes' | 'catalogNumber'>;

function nameOf(
  items: readonly ItemNaming[],
  kind: RecalledProductKind,
  code: string,
): string | null {
  const item = items.find((i) => {
    if (kind === 'GTIN') return i.gtins.includes(code);
    if (kind === 'HIBCC') return i.hibccCodes.includes(code);
    if (kind === 'item') return i.id === code;
    return i.catalogNumber === code;
  });
  return item?.name ?? null;
}

export function recallScope(notice: RecallNotice, items: readonly ItemNaming[]): RecallScope {
  const named: [RecalledProductKind, readonly string[]][] = [
    ['GTIN', notice.gtins],
    ['HIBCC', notice.hibccCodes],
    ['item', notice.itemIds],
    ['catalogue number', notice.catalogNumbers],
  ];
  return {
    source: notice.source,
    products: named.flatMap(([kind, codes]) =>
      codes.map((code) => ({ kind, code, itemName: nameOf(items, kind, code) })),
    ),
    allLots: notice.allLots,
    lotCodes: notice.lotCodes.slice(0, RECALL_SCOPE_LIST_MAX),
    lotCodeCount: notice.lotCodes.length,
    lotRanges: notice.lotRanges,
    serials: notice.serials.slice(0, RECALL_SCOPE_LIST_MAX),
    serialCount: notice.serials.length,
    expiryFrom: notice.expiryFrom ?? null,
    expiryTo: notice.expiryTo ?? null,
    instructions: notice.instructions,
  };
}
