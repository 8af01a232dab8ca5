/**
 * What a replenishment review says about one par level. Every suggestion carries the figures it
 * used and a sentence with those figures, so a nurse manager can check it without the formula.
 */
export type SuggestionDecision = 'order' | 'no-order' | 'already-on-order';

interface SuggestionBase {
  parLevelId: string;
  facilityId: string;
  locationId: string;
  itemId: string;
  decision: SuggestionDecision;
  /** Units to order, always a whole number of packs; 0 unless `decision` is 'order'. */
  quantity: number;
  explanation: string;
}

/** The stock side of a suggestion: what is on the shelf and what is already coming. */
export interface StockFigures {
  /** Available units as the caller gave them (quarantined, recalled and expired already left out). */
  available: number;
  onOrder: number;
  /** Inventory position: available (never below 0) + on order. */
  position: number;
  orderMultiple: number;
}

export interface ParSuggestion extends SuggestionBase {
  method: 'par';
  inputs: StockFigures & {
    par: number;
    reorderPoint: number;
    /** True when the par level had no reorder point, so it tops up at every review. */
    reorderPointIsPar: boolean;
  };
  /** par − position before rounding; ≤ 0 means nothing is missing. */
  shortfall: number;
}

export interface MinMaxSuggestion extends SuggestionBase {
  method: 'min-max';
  inputs: StockFigures & { min: number; max: number };
  /** max − position before rounding. */
  shortfall: number;
}

export interface TwoBinSuggestion extends SuggestionBase {
  method: 'two-bin';
  inputs: {
    binQuantity: number;
    orderMultiple: number;
    /** The open request that already orders this bin, when there is one. */
    openRequestId?: string;
    openRequestStatus?: string;
  };
}

export type ReviewSuggestion = ParSuggestion | MinMaxSuggestion;
export type ReplenishmentSuggestion = ReviewSuggestion | TwoBinSuggestion;
