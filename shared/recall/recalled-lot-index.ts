import type { RecallClass, RecallNotice } from '../model';
import {
  compileNotice,
  matchesProduct,
  matchUnitCriteria,
  type CompiledNotice,
  type MatchBasis,
  type ProductIdentity,
  type UnitDetail,
} from './notice-match';

export interface RecallBlock {
  noticeId: string;
  number: string;
  class: RecallClass;
  basis: MatchBasis[];
}

export interface RecallUndetermined {
  noticeId: string;
  number: string;
  class: RecallClass;
  missing: UnitDetail[];
}

export interface RecallLookup {
  /** Open notices the unit falls under, most serious first. */
  recalled: RecallBlock[];
  /** Open notices for this product that the unit's record cannot settle (no lot, expiry, serial). */
  cannotTell: RecallUndetermined[];
}

export interface RecalledLotIndex {
  /** Blocking notices for a unit; the expiry is needed only for notices naming an expiry window. */
  isRecalled(itemId: string, lotCode: string, serial?: string, expiry?: string): RecallBlock[];
  /** True when any open notice blocks the unit: fits shared/inventory's `IsRecalled`. */
  blocks(itemId: string, lotCode: string, serial?: string, expiry?: string): boolean;
  lookup(itemId: string, lotCode: string, serial?: string, expiry?: string): RecallLookup;
  /** Open notices that name this item's product at all. */
  noticesFor(itemId: string): readonly RecallNotice[];
  /** True when any open notice names this item's product: `lookup` can only find something then. */
  namesItem(itemId: string): boolean;
}

const CLASS_RANK: Readonly<Record<RecallClass, number>> = { I: 0, II: 1, III: 2 };

/** Most serious first: class I before II before III, then by notice number for a stable order. */
export function bySeverity(
  a: { class: RecallClass; number: string },
  b: { class: RecallClass; number: string },
): number {
  return (
    CLASS_RANK[a.class] - CLASS_RANK[b.class] ||
    (a.number < b.number ? -1 : a.number > b.number ? 1 : 0)
  );
}

/**
 * Open notices keyed by the items they name, so the inventory availability split and the scan
 * decision ask "is this lot recalled?" with one map lookup and a few set lookups. Items matter
 * because notices name products by GTIN, HIBCC code or catalogue number; a notice naming an item
 * id applies even to an item missing from `items`.
 */
export function recalledLotIndex(
  notices: readonly RecallNotice[],
  items: readonly ProductIdentity[],
): RecalledLotIndex {
  const byItem = new Map<string, CompiledNotice[]>();
  const add = (itemId: string, compiled: CompiledNotice) => {
    const list = byItem.get(itemId);
    if (!list) byItem.set(itemId, [compiled]);
    else if (!list.includes(compiled)) list.push(compiled);
  };
  for (const notice of notices) {
    const compiled = compileNotice(notice);
    if (!compiled.open) continue;
    for (const id of compiled.itemIds) add(id, compiled);
    for (const item of items) if (matchesProduct(compiled, item)) add(item.id, compiled);
  }

  const lookup = (itemId: string, lotCode: string, serial?: string, expiry?: string) => {
    const result: RecallLookup = { recalled: [], cannotTell: [] };
    for (const compiled of byItem.get(itemId) ?? []) {
      const { id: noticeId, number, class: cls } = compiled.notice;
      const verdict = matchUnitCriteria(compiled, { lotCode, serial, expiry }, false);
      if (verdict.kind === 'match') {
        result.recalled.push({ noticeId, number, class: cls, basis: verdict.basis });
      } else if (verdict.kind === 'cannot-tell') {
        result.cannotTell.push({ noticeId, number, class: cls, missing: verdict.missing });
      }
    }
    result.recalled.sort(bySeverity);
    result.cannotTell.sort(bySeverity);
    return result;
  };

  return {
    lookup,
    isRecalled: (itemId, lotCode, serial, expiry) =>
      lookup(itemId, lotCode, serial, expiry).recalled,
    blocks: (itemId, lotCode, serial, expiry) =>
      lookup(itemId, lotCode, serial, expiry).recalled.length > 0,
    noticesFor: (itemId) => (byItem.get(itemId) ?? []).map((c) => c.notice),
    namesItem: (itemId) => byItem.has(itemId),
  };
}
