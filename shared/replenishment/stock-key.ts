import { itemLocationKey, type ItemLocationStock } from '../inventory/availability';

/**
 * Key of the per-(location, item) maps the suggestions read. Ids never contain NUL (the model's
 * id pattern forbids it), so the pair cannot collide with another pair. It is the availability
 * summary's own key (one function, not two that must agree), so `availableFrom` reuses its keys.
 */
export const locationItemKey: (locationId: string, itemId: string) => string = itemLocationKey;

/**
 * Available or on-order units per `locationItemKey`; a missing key means none. The review only
 * looks units up, so any Map fits, and so does the view `availableFrom` gives.
 */
export type QuantityByLocationItem = Pick<ReadonlyMap<string, number>, 'get'>;

/**
 * Available units per `locationItemKey`, read straight from the availability summary's
 * `byItemLocation`, whose keys are these keys. Nothing is copied: a review of 100,000 levels would
 * otherwise spend more on building a second map of them than on the review.
 */
export function availableFrom(
  byItemLocation: ReadonlyMap<string, Pick<ItemLocationStock, 'available'>>,
): QuantityByLocationItem {
  return { get: (key) => byItemLocation.get(key)?.available };
}
