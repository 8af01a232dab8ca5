import type { ParLevel } from '../model';
import { isOrderMultiple } from './pack-rounding';
import { fail, type Outcome } from './result';
import type { StockFigures } from './suggestion';
import { formatQuantity, parLevelPlace as where } from './wording';

/** What a review knows about one (location, item) besides its par level. */
export interface StockInput {
  /** Available units: the caller has already left out quarantined, recalled and expired stock. */
  available: number;
  /** Units on open requests (see `onOrderFrom`). */
  onOrder: number;
  /** The item's order pack multiple; undefined when the item master lacks the item. */
  orderMultiple: number | undefined;
}

/**
 * Why the stock figures cannot be used, or undefined when they can. Kept apart from building the
 * figures so a facility-wide review allocates nothing for the common, valid case.
 */
export function stockProblem<T>(level: ParLevel, stock: StockInput): Outcome<T> | undefined {
  if (!isOrderMultiple(stock.orderMultiple)) {
    return fail(
      'ITEM_NOT_IN_MASTER',
      `Item ${level.itemId} has no order pack size on this PC: sync the item master, then review again.`,
    );
  }
  if (!Number.isFinite(stock.available)) {
    return fail(
      'QUANTITY_INVALID',
      `The available quantity of ${where(level)} is not a number: count the location, then review again.`,
    );
  }
  if (!Number.isFinite(stock.onOrder) || stock.onOrder < 0) {
    return fail(
      'QUANTITY_INVALID',
      `The quantity on order for ${where(level)} is not a valid number (${stock.onOrder}): sync the requests, then review again.`,
    );
  }
  return undefined;
}

/**
 * Inventory position = available + on order. A negative available (the ledger can dip below zero
 * when an issue syncs before the receipt it came from) counts as 0 — the shelf cannot hold less
 * than nothing — and the explanation asks for a count.
 */
export function inventoryPosition(stock: StockInput): number {
  return Math.max(stock.available, 0) + stock.onOrder;
}

/** "available 40 + on order 50 = 90" */
export function positionPhrase(figures: StockFigures): string {
  const shelf =
    figures.available < 0
      ? `available 0 (the records show ${formatQuantity(figures.available)}: count this location)`
      : `available ${formatQuantity(figures.available)}`;
  return `${shelf} + on order ${formatQuantity(figures.onOrder)} = ${formatQuantity(figures.position)}`;
}
