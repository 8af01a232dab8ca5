import { itemLocationKey, type ItemLocationStock } from '../inventory/availability';

/**
 * Key of the per-(location, item) maps the suggestions read. Ids never contain NUL (the model's
 * id pattern forbids it), so the pair cannot collide with another pair. It is the availability
 * summary's own key (one function, not two that must agree), so `availableFrom` reuses its keys.
 */
export const locationItemKey: (locationId: string, itemId: string) => string = itemLocationKey;

/** Available or on-order units per `locationItemKey`; a missing key means none. */
export type QuantityByLocationItem = ReadonlyMap<string, number>;

/**
 * Available units per `locationItemKey` from the availability summary's `byItemLocation`. Its keys
 * are already these keys, so none is built again: a review of 100,000 levels would otherwise spend
 * more on making and hashing key strings than on the review.
 */
export function availableFrom(
  byItemLocation: ReadonlyMap<string, Pick<ItemLocationStock, 'available'>>,
): Map<string, number> {
  const available = new Map<string, number>();
  for (const [key, stock] of byItemLocation) available.set(key, stock.available);
  return available;
}
