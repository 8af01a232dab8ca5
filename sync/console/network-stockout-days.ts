import { sql, type Kysely } from 'kysely';
import {
  itemLocationKey,
  periodDays,
  stockoutsFromChanges,
  USAGE_WINDOW_DAYS,
  type AvailabilityChanges,
  type Period,
} from '../../shared/indicators';
import type { Database } from '../db/schema';
import { textArray } from '../store/json';

type PerFacility<T> = Map<string, Map<string, T>>;

function entry<T>(map: PerFacility<T>, facilityId: string, key: string, make: () => T): T {
  const ofFacility = map.get(facilityId) ?? new Map<string, T>();
  map.set(facilityId, ofFacility);
  const found = ofFacility.get(key);
  if (found !== undefined) return found;
  const made = make();
  ofFacility.set(key, made);
  return made;
}

/**
 * Each facility's stockout days over `period` (the `stockouts` definition), walked as the
 * dashboard walks its digest (`stockoutsFromChanges`): from what is available now, back through
 * the kept changes of the balances projection (per lot, location and day, reversals settled as of
 * each day) to the period's first day, then forward a day at a time against the kept usage. Read
 * after the projection has caught up (`networkStock` does that first).
 */
export async function networkStockoutDays(
  db: Kysely<Database>,
  facilities: readonly string[],
  period: Period,
): Promise<Map<string, number>> {
  const days = periodDays(period);
  const answer = new Map<string, number>(facilities.map((f) => [f, 0]));
  if (!days || facilities.length === 0) return answer;
  const inFacilities = sql<boolean>`facility_id = any(${textArray(facilities)})`;
  const [available, changed, used] = await Promise.all([
    db
      .selectFrom('centre_balances')
      .select([
        'facility_id',
        'location_id',
        'item_id',
        sql<string>`sum(on_hand - quarantined)`.as('units'),
      ])
      .where(inFacilities)
      .groupBy(['facility_id', 'location_id', 'item_id'])
      .execute(),
    db
      .selectFrom('centre_lot_days')
      .select([
        'facility_id',
        'location_id',
        'item_id',
        'day',
        sql<string>`sum(change)`.as('units'),
      ])
      .where(inFacilities)
      .where('day', '>=', days.first)
      .groupBy(['facility_id', 'location_id', 'item_id', 'day'])
      .execute(),
    db
      .selectFrom('usage_day_totals')
      .select(['facility_id', 'location_id', 'item_id', 'day', sql<string>`sum(units)`.as('units')])
      .where(inFacilities)
      .where('day', '>', days.first - 1 - USAGE_WINDOW_DAYS)
      .where('day', '<=', days.last)
      .groupBy(['facility_id', 'location_id', 'item_id', 'day'])
      .execute(),
  ]);
  const now: PerFacility<number> = new Map();
  for (const r of available) {
    const ofFacility = now.get(r.facility_id) ?? new Map<string, number>();
    ofFacility.set(itemLocationKey(r.location_id, r.item_id), Number(r.units));
    now.set(r.facility_id, ofFacility);
  }
  const changes: Map<string, AvailabilityChanges> = new Map();
  for (const r of changed) {
    const key = itemLocationKey(r.location_id, r.item_id);
    const days = entry(changes, r.facility_id, key, () => new Map<number, number>());
    days.set(Number(r.day), Number(r.units));
  }
  const usage: PerFacility<Map<number, number>> = new Map();
  for (const r of used) {
    const key = itemLocationKey(r.location_id, r.item_id);
    entry(usage, r.facility_id, key, () => new Map<number, number>()).set(
      Number(r.day),
      Number(r.units),
    );
  }
  for (const facilityId of facilities) {
    const walked = stockoutsFromChanges(
      changes.get(facilityId) ?? new Map(),
      now.get(facilityId) ?? new Map(),
      usage.get(facilityId) ?? new Map(),
      period,
    );
    answer.set(facilityId, walked.stockoutDays);
  }
  return answer;
}
