import { normaliseLotCode, type RecallClass, type RecallNotice } from '../model';
import type { Balance } from '../inventory/balance';
import {
  compileNotice,
  matchesProduct,
  matchUnitCriteria,
  type CompiledNotice,
  type MatchBasis,
  type NoticeMatch,
  type ProductIdentity,
  type UnitDetail,
} from './notice-match';
import type { SimilarLot } from './similar-lot';

/** One lot's stock at one location; duplicates of a (location, item, lot) in the input are summed. */
export interface StockedLot {
  locationId: string;
  itemId: string;
  lotCode: string;
  expiry?: string;
  onHand: number;
  quarantined: number;
}

/**
 * Balances indexed item → lot, each lot with its places. A sweep then touches only the recalled
 * items' lots, and each lot is judged once per label expiry however many shelves hold it.
 */
export interface StockIndex {
  readonly byItem: ReadonlyMap<string, ReadonlyMap<string, readonly StockedLot[]>>;
}

/** With `onlyItems`, balances of other items are passed over before anything is made of them. */
export function indexStock(
  balances: readonly Balance[],
  onlyItems?: ReadonlySet<string>,
): StockIndex {
  const byItem = new Map<string, Map<string, StockedLot[]>>();
  for (const b of balances) {
    if (onlyItems !== undefined && !onlyItems.has(b.itemId)) continue;
    const lotCode = normaliseLotCode(b.lotCode);
    let lots = byItem.get(b.itemId);
    if (!lots) byItem.set(b.itemId, (lots = new Map()));
    let places = lots.get(lotCode);
    if (!places) lots.set(lotCode, (places = []));
    // A lot sits on a handful of shelves: a scan of the array beats a map per lot.
    const seen = places.find((p) => p.locationId === b.locationId);
    if (!seen) {
      const { locationId, itemId, onHand, quarantined } = b;
      const lot: StockedLot = { locationId, itemId, lotCode, onHand, quarantined };
      if (b.expiry !== undefined) lot.expiry = b.expiry;
      places.push(lot);
      continue;
    }
    seen.onHand += b.onHand;
    seen.quarantined += b.quarantined;
    // The latest label date wins, whichever balance came first, so the answer ignores input order.
    if (b.expiry !== undefined && (seen.expiry === undefined || b.expiry > seen.expiry)) {
      seen.expiry = b.expiry;
    }
  }
  return { byItem };
}

export interface MatchedLot extends StockedLot {
  /** Units still to move into quarantine: on hand and not yet quarantined. */
  toQuarantine: number;
  basis: MatchBasis[];
}

export interface LocationMatch {
  locationId: string;
  lots: MatchedLot[];
  onHand: number;
  quarantined: number;
  toQuarantine: number;
}

/** Stock the notice may concern but the record cannot say (no lot, no expiry): read the label. */
export interface LotToCheck extends StockedLot {
  missing: UnitDetail[];
}

/** Stock whose lot looks like a recalled one: a person checks the label. Never a match. */
export interface SimilarLotInStock extends StockedLot {
  similarTo: SimilarLot[];
}

export interface StockMatch {
  noticeId: string;
  number: string;
  class: RecallClass;
  /** Items in stock that are the notice's product. */
  itemIds: string[];
  locations: LocationMatch[];
  totals: { onHand: number; quarantined: number; toQuarantine: number };
  toCheck: LotToCheck[];
  similar: SimilarLotInStock[];
}

const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const byPlace = (a: StockedLot, b: StockedLot): number =>
  byText(a.locationId, b.locationId) || byText(a.itemId, b.itemId) || byText(a.lotCode, b.lotCode);

/** Ids of items that are the notice's product (by id, GTIN, HIBCC or catalogue number). */
function productItemIds(compiled: CompiledNotice, items: readonly ProductIdentity[]): Set<string> {
  const ids = new Set<string>(compiled.itemIds);
  for (const item of items) if (matchesProduct(compiled, item)) ids.add(item.id);
  return ids;
}

/** Those of them with stock in the index, sorted. */
function stockedItemIds(products: ReadonlySet<string>, stock: StockIndex): string[] {
  return [...products].filter((id) => stock.byItem.has(id)).sort(byText);
}

/**
 * A notice against the stock on hand: the lots to quarantine grouped by location, the stock a
 * person must check, and look-alike lots. Lots with nothing on hand are left out. Terminated
 * notices match nothing. Given plain balances, only those of the notice's products are indexed:
 * a notice names a few products, a facility holds thousands.
 */
export function matchStock(
  notice: RecallNotice | CompiledNotice,
  stock: StockIndex | readonly Balance[],
  items: readonly ProductIdentity[],
): StockMatch {
  const compiled = 'notice' in notice ? notice : compileNotice(notice);
  const n = compiled.notice;
  const result: StockMatch = {
    noticeId: n.id,
    number: n.number,
    class: n.class,
    itemIds: [],
    locations: [],
    totals: { onHand: 0, quarantined: 0, toQuarantine: 0 },
    toCheck: [],
    similar: [],
  };
  if (!compiled.open) return result;
  const products = productItemIds(compiled, items);
  const index = 'byItem' in stock ? stock : indexStock(stock, products);
  result.itemIds = stockedItemIds(products, index);

  const matched: MatchedLot[] = [];
  for (const itemId of result.itemIds) {
    for (const [lotCode, places] of index.byItem.get(itemId) ?? []) {
      // Judged per expiry, not per lot: each place's balance carries its own label date.
      const verdicts = new Map<string | undefined, NoticeMatch>();
      for (const lot of places) {
        if (lot.onHand <= 0) continue;
        let verdict = verdicts.get(lot.expiry);
        if (!verdict) {
          verdict = matchUnitCriteria(compiled, { lotCode, expiry: lot.expiry });
          verdicts.set(lot.expiry, verdict);
        }
        if (verdict.kind === 'match') {
          const toQuarantine = Math.max(0, lot.onHand - lot.quarantined);
          matched.push({ ...lot, toQuarantine, basis: verdict.basis });
        } else if (verdict.kind === 'cannot-tell') {
          result.toCheck.push({ ...lot, missing: verdict.missing });
        }
        if (verdict.kind !== 'match' && verdict.similar.length > 0) {
          result.similar.push({ ...lot, similarTo: verdict.similar });
        }
      }
    }
  }

  const byLocation = new Map<string, LocationMatch>();
  for (const lot of matched.sort(byPlace)) {
    let place = byLocation.get(lot.locationId);
    if (!place) {
      place = { locationId: lot.locationId, lots: [], onHand: 0, quarantined: 0, toQuarantine: 0 };
      byLocation.set(lot.locationId, place);
      result.locations.push(place);
    }
    place.lots.push(lot);
    place.onHand += lot.onHand;
    place.quarantined += lot.quarantined;
    place.toQuarantine += lot.toQuarantine;
  }
  for (const place of result.locations) {
    result.totals.onHand += place.onHand;
    result.totals.quarantined += place.quarantined;
    result.totals.toQuarantine += place.toQuarantine;
  }
  result.toCheck.sort(byPlace);
  result.similar.sort(byPlace);
  return result;
}
