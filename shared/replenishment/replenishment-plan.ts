import type { Item, ParLevel } from '../model';
import { minMaxSuggestion } from './min-max-suggestion';
import { wrongMethod } from './par-level-check';
import { parSuggestion } from './par-suggestion';
import type { Outcome, ReplenishmentError } from './result';
import { reviewMayOrder } from './review-trigger';
import { levelKeys } from './level-keys';
import { locationItemKey, type QuantityByLocationItem } from './stock-key';
import type { StockInput } from './stock-position';
import type { ReviewSuggestion } from './suggestion';

export interface ReplenishmentReview {
  facilityId: string;
  /** The facility's par levels; those of other facilities are left out of its plan. */
  parLevels: Iterable<ParLevel>;
  /** Available units per `locationItemKey`, unavailable stock already left out. */
  available: QuantityByLocationItem;
  /** On-order units per `locationItemKey`, from `onOrderFrom(requests)`. */
  onOrder: QuantityByLocationItem;
  /** Order pack multiple per item id, from `orderMultiplesFrom(items)`. */
  orderMultiples: ReadonlyMap<string, number>;
  /**
   * Keep only the suggestions that order, as the review screens show them. The other levels are
   * still judged (their problems are reported) but build no suggestion and no sentence.
   */
  ordersOnly?: boolean;
}

/** A par level the review could not judge, with what to do about it. */
export interface PlanProblem {
  parLevelId: string;
  locationId: string;
  itemId: string;
  error: ReplenishmentError;
}

export interface ReplenishmentPlan {
  facilityId: string;
  /**
   * One per par or min/max level, in the order the par levels came; with `ordersOnly`, just those
   * whose decision is 'order', in the same order.
   */
  suggestions: ReviewSuggestion[];
  /** Two-bin levels: they order when a card is scanned (`twoBinSuggestion`), not at a review. */
  scanTriggered: string[];
  problems: PlanProblem[];
}

export function orderMultiplesFrom(items: Iterable<Item>): Map<string, number> {
  const multiples = new Map<string, number>();
  for (const item of items) multiples.set(item.id, item.orderMultiple);
  return multiples;
}

/** The review rule for one par or min/max level. */
export function reviewSuggestion(level: ParLevel, stock: StockInput): Outcome<ReviewSuggestion> {
  if (level.method === 'par') return parSuggestion(level, stock);
  if (level.method === 'min-max') return minMaxSuggestion(level, stock);
  return wrongMethod(level, 'par');
}

/**
 * Every suggestion for a facility in one pass. Each par level costs three map look-ups and no scan
 * of the other levels or of the requests, so the review grows linearly with the par levels. With
 * `ordersOnly`, a level that certainly orders nothing (`reviewMayOrder`) costs nothing more; the
 * rest go through the same rule as the full plan, so each kept suggestion is the same. The keys of
 * an array of par levels are kept between reviews (`levelKeys`).
 */
export function planReplenishment(review: ReplenishmentReview): ReplenishmentPlan {
  const plan: ReplenishmentPlan = {
    facilityId: review.facilityId,
    suggestions: [],
    scanTriggered: [],
    problems: [],
  };
  const ordersOnly = review.ordersOnly === true;
  const keys = Array.isArray(review.parLevels) ? levelKeys(review.parLevels) : undefined;
  let index = -1;
  for (const level of review.parLevels) {
    index++;
    if (level.facilityId !== review.facilityId) continue;
    if (level.method === 'two-bin') {
      plan.scanTriggered.push(level.id);
      continue;
    }
    const key = keys ? keys.at(index, level) : locationItemKey(level.locationId, level.itemId);
    const available = review.available.get(key) ?? 0;
    const onOrder = review.onOrder.get(key) ?? 0;
    const orderMultiple = review.orderMultiples.get(level.itemId);
    if (ordersOnly && !reviewMayOrder(level, available, onOrder, orderMultiple)) continue;
    const result = reviewSuggestion(level, { available, onOrder, orderMultiple });
    if (result.ok) {
      if (!ordersOnly || result.value.decision === 'order') plan.suggestions.push(result.value);
    } else {
      plan.problems.push({
        parLevelId: level.id,
        locationId: level.locationId,
        itemId: level.itemId,
        error: result.error,
      });
    }
  }
  return plan;
}
