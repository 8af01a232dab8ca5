import { gtinCheckDigit, hasValidCheckDigit } from '../barcode/gs1-check-digit';
import type { FieldError, Item } from '../model';

/** The product codes a scan looks an item up by (renderer/scanning/resolve-scan.ts). */
type CodedItem = Pick<Item, 'id' | 'gtins' | 'hibccCodes' | 'isbt128Codes'>;

const CODE_KINDS = [
  { field: 'gtins', label: 'GTIN', of: (i: CodedItem) => i.gtins },
  { field: 'hibccCodes', label: 'HIBCC code', of: (i: CodedItem) => i.hibccCodes },
  { field: 'isbt128Codes', label: 'ISBT 128 code', of: (i: CodedItem) => i.isbt128Codes ?? [] },
] as const;

/**
 * What is wrong with one item's product codes beyond their shape. A GTIN whose check digit is
 * wrong can never come off a label (every scan path refuses it), so the item could not be scanned
 * by it: a typing slip at the ERP, said now rather than at the shelf.
 */
export function itemCodeProblems(item: CodedItem): FieldError[] {
  const problems: FieldError[] = [];
  item.gtins.forEach((gtin, index) => {
    if (!hasValidCheckDigit(gtin)) {
      problems.push({
        field: `gtins[${index}]`,
        message: `GTIN ${gtin} has a wrong check digit (it should end in ${gtinCheckDigit(gtin.slice(0, -1))}): check it against the label`,
      });
    }
  });
  return problems;
}

/** A product code that names two items. */
export interface SharedProductCode {
  field: 'gtins' | 'hibccCodes' | 'isbt128Codes';
  label: string;
  code: string;
  itemIds: [string, string];
}

/**
 * The product codes that would name more than one item once `sent` replaces the stored versions
 * of the same ids in `others`. A scan takes the first item holding the code, so a shared code
 * issues, receives or recalls whichever item the list happens to put first: the master must say
 * which item a label is. Inactive items count too, since their stock and history still scan.
 */
export function sharedProductCodes(
  sent: readonly CodedItem[],
  others: readonly CodedItem[],
): SharedProductCode[] {
  const sentIds = new Set(sent.map((i) => i.id));
  const after = [...sent, ...others.filter((i) => !sentIds.has(i.id))];
  const shared: SharedProductCode[] = [];
  for (const { field, label, of } of CODE_KINDS) {
    const holder = new Map<string, string>();
    for (const item of after) {
      for (const code of new Set(of(item))) {
        const first = holder.get(code);
        if (first === undefined) holder.set(code, item.id);
        else if (sentIds.has(item.id) || sentIds.has(first)) {
          shared.push({ field, label, code, itemIds: [first, item.id] });
        }
      }
    }
  }
  return shared;
}
