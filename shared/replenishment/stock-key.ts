/**
 * Key of the per-(location, item) maps the suggestions read. Ids never contain NUL (the model's
 * id pattern forbids it), so the pair cannot collide with another pair.
 */
export function locationItemKey(locationId: string, itemId: string): string {
  return `${locationId}\u0000${itemId}`;
}

/** Available or on-order units per `locationItemKey`; a missing key means none. */
export type QuantityByLocationItem = ReadonlyMap<string, number>;
