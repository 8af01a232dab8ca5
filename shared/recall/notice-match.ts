import { normaliseLotCode, type Item, type RecallNotice } from '../model';
import {
  compileLotRange,
  inLotRange,
  lotRangeProblem,
  type CompiledLotRange,
  type LotRangeProblemCode,
} from './lot-range';
import { similarLotIndex, type SimilarLot, type SimilarLotIndex } from './similar-lot';

/**
 * Does a unit fall under a recall notice? The rule:
 *
 *   the notice is open
 *   AND the product matches (a GTIN, a HIBCC code, the item id or the catalogue number)
 *   AND (every lot OR the lot is listed OR the lot is in a listed range
 *        OR the serial is listed OR the expiry is in the window)
 *
 * Unit criteria are joined with OR on purpose: notices list lots, serials and dates as different
 * ways to name affected units, and wrongly blocking a unit costs a phone call while wrongly
 * releasing one can harm a patient. A criterion the unit cannot answer (no lot captured, no serial,
 * no expiry on the label) gives "cannot tell" unless another criterion already matched, so the
 * screen can ask the person to read the label rather than silently letting the unit through.
 */

/** What identifies a product; a full `Item` fits. */
export type ProductIdentity = Pick<Item, 'id' | 'gtins' | 'hibccCodes' | 'catalogNumber'>;

export interface RecallUnit {
  item: ProductIdentity;
  lotCode: string;
  serial?: string;
  expiry?: string;
  /** GTIN read from this label, matched besides the item's own (a packaging level not yet known). */
  gtin?: string;
  /** HIBCC product code read from this label. */
  hibccCode?: string;
}

export type MatchBasis = 'all-lots' | 'lot' | 'lot-range' | 'serial' | 'expiry';
export type UnitDetail = 'lot' | 'serial' | 'expiry';

export type NoticeMatch =
  | { kind: 'match'; basis: MatchBasis[] }
  | {
      kind: 'cannot-tell';
      reason: 'unit-detail-missing' | 'notice-names-no-units';
      missing: UnitDetail[];
      similar: SimilarLot[];
    }
  | {
      kind: 'no-match';
      reason: 'terminated' | 'other-product' | 'unit-not-affected';
      similar: SimilarLot[];
    };

/** A notice prepared once for many lookups (a stock sweep, a scan session). */
export interface CompiledNotice {
  readonly notice: RecallNotice;
  readonly open: boolean;
  readonly gtins: ReadonlySet<string>;
  readonly hibccCodes: ReadonlySet<string>;
  readonly itemIds: ReadonlySet<string>;
  readonly catalogNumbers: ReadonlySet<string>;
  readonly lotCodes: ReadonlySet<string>;
  readonly lotRanges: readonly CompiledLotRange[];
  readonly serials: ReadonlySet<string>;
  readonly namesUnits: boolean;
  similarLots(lotCode: string): SimilarLot[];
}

/**
 * Catalogue numbers are typed by people in two systems (the ERP's item master and the notice), so
 * they compare after trimming and upper-casing; unlike lot codes they name a product, not a batch,
 * and a false "same product" only leads on to the lot check.
 */
export const catalogKey = (catalogNumber: string): string => catalogNumber.trim().toUpperCase();

const nonEmpty = (values: readonly string[], key: (v: string) => string): Set<string> =>
  new Set(values.map(key).filter((v) => v !== ''));

export function compileNotice(notice: RecallNotice): CompiledNotice {
  const lotCodes = nonEmpty(notice.lotCodes, normaliseLotCode);
  const lotRanges = notice.lotRanges.map(compileLotRange);
  const serials = nonEmpty(notice.serials, (s) => s.trim());
  let similar: SimilarLotIndex | undefined;
  return {
    notice,
    open: notice.status === 'open',
    gtins: new Set(notice.gtins),
    hibccCodes: new Set(notice.hibccCodes),
    itemIds: new Set(notice.itemIds),
    catalogNumbers: nonEmpty(notice.catalogNumbers, catalogKey),
    lotCodes,
    lotRanges,
    serials,
    namesUnits:
      notice.allLots ||
      lotCodes.size > 0 ||
      lotRanges.length > 0 ||
      serials.size > 0 ||
      notice.expiryFrom !== undefined ||
      notice.expiryTo !== undefined,
    // Built on first use: a scan that matches never needs it, and it is the costly part.
    similarLots(lotCode: string): SimilarLot[] {
      similar ??= similarLotIndex([...lotCodes]);
      return similar.similarTo(lotCode);
    },
  };
}

export function matchesProduct(
  compiled: CompiledNotice,
  item: ProductIdentity,
  scanned: { gtin?: string; hibccCode?: string } = {},
): boolean {
  if (compiled.itemIds.has(item.id)) return true;
  if (item.gtins.some((g) => compiled.gtins.has(g))) return true;
  if (item.hibccCodes.some((h) => compiled.hibccCodes.has(h))) return true;
  if (scanned.gtin !== undefined && compiled.gtins.has(scanned.gtin)) return true;
  if (scanned.hibccCode !== undefined && compiled.hibccCodes.has(scanned.hibccCode)) return true;
  const catalog = item.catalogNumber === undefined ? '' : catalogKey(item.catalogNumber);
  return catalog !== '' && compiled.catalogNumbers.has(catalog);
}

/**
 * The unit criteria alone, for a unit already known to be of the notice's product. Pass
 * `withSimilar: false` where nobody will read look-alike hints (availability split, flagging).
 */
export function matchUnitCriteria(
  compiled: CompiledNotice,
  unit: { lotCode: string; serial?: string; expiry?: string },
  withSimilar = true,
): NoticeMatch {
  const { notice } = compiled;
  if (notice.allLots) return { kind: 'match', basis: ['all-lots'] };
  const lot = normaliseLotCode(unit.lotCode);
  const serial = unit.serial?.trim() ?? '';
  const basis: MatchBasis[] = [];
  const missing: UnitDetail[] = [];

  if (compiled.lotCodes.size > 0 || compiled.lotRanges.length > 0) {
    if (lot === '') missing.push('lot');
    if (compiled.lotCodes.has(lot)) basis.push('lot');
    if (lot !== '' && compiled.lotRanges.some((r) => inLotRange(r, lot))) basis.push('lot-range');
  }
  if (compiled.serials.size > 0) {
    if (serial === '') missing.push('serial');
    else if (compiled.serials.has(serial)) basis.push('serial');
  }
  if (notice.expiryFrom !== undefined || notice.expiryTo !== undefined) {
    if (unit.expiry === undefined || unit.expiry === '') missing.push('expiry');
    else if (
      (notice.expiryFrom === undefined || unit.expiry >= notice.expiryFrom) &&
      (notice.expiryTo === undefined || unit.expiry <= notice.expiryTo)
    ) {
      basis.push('expiry');
    }
  }

  if (basis.length > 0) return { kind: 'match', basis };
  const similar = lot === '' || !withSimilar ? [] : compiled.similarLots(lot);
  if (!compiled.namesUnits) {
    return { kind: 'cannot-tell', reason: 'notice-names-no-units', missing: [], similar };
  }
  if (missing.length > 0) {
    return { kind: 'cannot-tell', reason: 'unit-detail-missing', missing, similar };
  }
  return { kind: 'no-match', reason: 'unit-not-affected', similar };
}

export function matchNotice(notice: RecallNotice | CompiledNotice, unit: RecallUnit): NoticeMatch {
  const compiled = 'notice' in notice ? notice : compileNotice(notice);
  if (!compiled.open) return { kind: 'no-match', reason: 'terminated', similar: [] };
  if (!matchesProduct(compiled, unit.item, unit)) {
    return { kind: 'no-match', reason: 'other-product', similar: [] };
  }
  return matchUnitCriteria(compiled, unit);
}

export type NoticeProblemCode =
  'NO_PRODUCT_NAMED' | 'NO_UNITS_NAMED' | 'EXPIRY_WINDOW_REVERSED' | LotRangeProblemCode;

export interface NoticeProblem {
  code: NoticeProblemCode;
  message: string;
}

/** What is wrong with a notice as loaded, for the person who checks incoming notices. */
export function noticeProblems(notice: RecallNotice): NoticeProblem[] {
  const problems: NoticeProblem[] = [];
  const names = notice.gtins.length + notice.hibccCodes.length + notice.itemIds.length;
  if (names + notice.catalogNumbers.filter((c) => catalogKey(c) !== '').length === 0) {
    problems.push({
      code: 'NO_PRODUCT_NAMED',
      message: `Notice ${notice.number} names no product (GTIN, HIBCC code, item or catalogue number), so it matches nothing. Ask the source which product it concerns.`,
    });
  }
  if (!compileNotice(notice).namesUnits) {
    problems.push({
      code: 'NO_UNITS_NAMED',
      message: `Notice ${notice.number} names no lots, serials or expiry dates and is not for every lot: every unit of the product shows as "check". Ask the source which units are affected.`,
    });
  }
  if (notice.expiryFrom && notice.expiryTo && notice.expiryFrom > notice.expiryTo) {
    problems.push({
      code: 'EXPIRY_WINDOW_REVERSED',
      message: `Notice ${notice.number} has an expiry window that ends (${notice.expiryTo}) before it starts (${notice.expiryFrom}), so no expiry date matches. Ask the source for the right dates.`,
    });
  }
  for (const range of notice.lotRanges) {
    const problem = lotRangeProblem(range);
    if (problem) problems.push({ code: problem.code, message: problem.message });
  }
  return problems;
}
