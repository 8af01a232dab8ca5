import type { FieldError, ParLevel } from '../model';

/** What the centre holds of the names in a par level, looked up by the caller. */
export interface ParLevelPlaces {
  /** Whether the item is in the item master. */
  itemKnown: boolean;
  /** The facility of the named location; undefined when there is no such location. */
  locationFacilityId: string | undefined;
}

/**
 * What is wrong with a par level as the centre receives it, beyond its shape: an item or a
 * location the centre does not know, a location of another facility, or levels in the wrong
 * order (a reorder point above par, a min above max). Each problem names the field; an empty list
 * means it may be stored. A stockroom's review refuses such a level anyway (par-level-check.ts):
 * refused here, the ERP hears it when it sends it, not a stockroom when it reviews.
 */
export function parLevelProblems(level: ParLevel, places: ParLevelPlaces): FieldError[] {
  const problems: FieldError[] = [];
  if (!places.itemKnown) {
    problems.push({
      field: 'itemId',
      message: `item ${level.itemId} is not in the item master: send the item first (PUT /v1/erp/items)`,
    });
  }
  if (places.locationFacilityId === undefined) {
    problems.push({
      field: 'locationId',
      message: `location ${level.locationId} is not known: send the location first (PUT /v1/erp/locations)`,
    });
  } else if (places.locationFacilityId !== level.facilityId) {
    problems.push({
      field: 'locationId',
      message: `location ${level.locationId} belongs to facility ${places.locationFacilityId}, not ${level.facilityId}`,
    });
  }
  if (
    level.par !== undefined &&
    level.reorderPoint !== undefined &&
    level.reorderPoint > level.par
  ) {
    problems.push({
      field: 'reorderPoint',
      message: `the reorder point ${level.reorderPoint} is above par ${level.par}`,
    });
  }
  if (level.min !== undefined && level.max !== undefined && level.min > level.max) {
    problems.push({ field: 'min', message: `min ${level.min} is above max ${level.max}` });
  }
  return problems;
}
