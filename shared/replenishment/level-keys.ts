import type { ParLevel } from '../model';
import { locationItemKey } from './stock-key';

/**
 * The `locationItemKey` of each par level in an array, kept while the array lives. Par levels
 * change seldom while a review runs at every stock change, and making and hashing a fresh key
 * string per level was about a quarter of a 100,000-level review. A kept key serves only a level
 * with the same location and item ids as when it was made, so an array changed in place, or a
 * level edited in place, still gets the right key.
 */
interface KeptKeys {
  locationIds: string[];
  itemIds: string[];
  keys: string[];
}

const kept = new WeakMap<readonly ParLevel[], KeptKeys>();

export interface LevelKeys {
  /** The key of `level`, found at `index` of the array. */
  at(index: number, level: ParLevel): string;
}

export function levelKeys(levels: readonly ParLevel[]): LevelKeys {
  let found = kept.get(levels);
  if (found === undefined) {
    found = { locationIds: [], itemIds: [], keys: [] };
    kept.set(levels, found);
  }
  const { locationIds, itemIds, keys } = found;
  return {
    at(index, level) {
      const known = keys[index];
      if (
        known !== undefined &&
        locationIds[index] === level.locationId &&
        itemIds[index] === level.itemId
      ) {
        return known;
      }
      const key = locationItemKey(level.locationId, level.itemId);
      locationIds[index] = level.locationId;
      itemIds[index] = level.itemId;
      keys[index] = key;
      return key;
    },
  };
}
