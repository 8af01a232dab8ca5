import { sql, type Kysely } from 'kysely';
import {
  itemLocationKey,
  periodDays,
  splitItemLocation,
  stockoutsFromChanges,
  USAGE_WINDOW_DAYS,
  type AvailabilityChanges,
  type Period,
} from '../../shared/indicators';
import type { Database } from '../db/schema';
import { jsonRecords, textArray } from './json';

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
 * Each facility's stockouts per day of `period` (the `stockouts` definition), walked as the
 * dashboard walks its digest (`stockoutsFromChanges`): from what is available now, back through
 * the kept changes of the balances projection (per lot, location and day, reversals settled as of
 * each day) to the period's first day, then forward a day at a time against the kept usage. Bring
 * the projection up to date first (catchUpCentreBalances).
 */
export async function stockoutsByDay(
  db: Kysely<Database>,
  facilities: readonly string[],
  period: Period,
): Promise<Map<string, Map<number, number>>> {
  const days = periodDays(period);
  const answer = new Map<string, Map<number, number>>(facilities.map((f) => [f, new Map()]));
  if (!days || facilities.length === 0) return answer;
  const inFacilities = sql<boolean>`facility_id = any(${textArray(facilities)})`;
  const [available, changed] = await Promise.all([
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
  // Only an item-location with nothing available at the end of some day of the period can have a
  // stockout day: its usage is all the walk needs to read (a fifth of the network's, typically).
  const candidates = facilities.flatMap((facilityId) =>
    [...(now.get(facilityId) ?? [])]
      .filter(([key, units]) =>
        everAtZero(units, changes.get(facilityId)?.get(key), days.first, days.last),
      )
      .map(([key]) => ({ facilityId, ...splitItemLocation(key) })),
  );
  const used = candidates.length === 0 ? [] : await candidateUsage(db, candidates, days);
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
    const byDay = answer.get(facilityId);
    walked.byDay.forEach((d, i) => byDay?.set(days.first + i, d.itemLocations));
  }
  return answer;
}

/**
 * The candidates' usage per day over the period and the 30 days before it. The planner takes the
 * candidates (a JSON parameter) for a hundred rows and looks each up by the kept usage's key, one
 * index scan apiece: 937 ms for 6,000 candidates on bench figure 12's network, against 131 ms for
 * one pass over the period's usage hashed against them, so nested loops are off for this read.
 */
async function candidateUsage(
  db: Kysely<Database>,
  candidates: readonly { facilityId: string; locationId: string; itemId: string }[],
  days: { first: number; last: number },
) {
  const read = async (trx: Kysely<Database>) => {
    await sql`set local enable_nestloop = off`.execute(trx);
    return trx
      .selectFrom(jsonRecords(candidates, CANDIDATE_COLUMNS, 'c'))
      .innerJoin('usage_day_totals as u', (join) =>
        join
          .onRef('u.facility_id', '=', 'c.facilityId')
          .onRef('u.location_id', '=', 'c.locationId')
          .onRef('u.item_id', '=', 'c.itemId'),
      )
      .select([
        'u.facility_id',
        'u.location_id',
        'u.item_id',
        'u.day',
        sql<string>`sum(u.units)`.as('units'),
      ])
      .where('u.day', '>', days.first - 1 - USAGE_WINDOW_DAYS)
      .where('u.day', '<=', days.last)
      .groupBy(['u.facility_id', 'u.location_id', 'u.item_id', 'u.day'])
      .execute();
  };
  // `set local` lasts to the end of the transaction: one of its own unless already inside one.
  return db.isTransaction ? read(db) : db.transaction().execute(read);
}

const CANDIDATE_COLUMNS = '"facilityId" text, "locationId" text, "itemId" text';

/** Whether the day-end availability, walked back from now, is at or below zero on any period day. */
function everAtZero(
  now: number,
  changes: ReadonlyMap<number, number> | undefined,
  first: number,
  last: number,
): boolean {
  let units = now;
  const inPeriod: [number, number][] = [];
  for (const [day, moved] of changes ?? []) {
    if (day < first) continue;
    units -= moved;
    if (day <= last) inPeriod.push([day, moved]);
  }
  // `units` is now the close of the day before the period: the first day closes there too unless
  // something moved that day, and every later day closes as the last day with a change did.
  if (units <= 0 && !inPeriod.some(([day]) => day === first)) return true;
  for (const [, moved] of inPeriod.sort((a, b) => a[0] - b[0])) {
    units += moved;
    if (units <= 0) return true;
  }
  return units <= 0;
}
