import { sql, type Kysely } from 'kysely';
import {
  itemLocationKey,
  stockNowRecords,
  USAGE_WINDOW_DAYS,
  type StockBalance,
  type StockNowRecords,
} from '../../shared/indicators';
import type { ParLevel } from '../../shared/model';
import type { Database } from '../db/schema';
import { textArray } from '../store/json';

function group<T>(rows: Iterable<[string, T]>): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const [key, value] of rows) {
    const list = groups.get(key) ?? [];
    list.push(value);
    groups.set(key, list);
  }
  return groups;
}

/**
 * Each facility's stock records now (shared/indicators/stock-now.ts), from the centre's balances
 * projection and the usage totals the write path keeps: rows per lot and per item-location,
 * however many events are stored. Bring the projection up to date first (catchUpCentreBalances).
 */
export async function networkStock(
  db: Kysely<Database>,
  facilities: readonly string[],
  unitCost: (itemId: string) => number | undefined,
  now: Date,
  only?: string,
): Promise<Map<string, StockNowRecords>> {
  const today = Math.floor(now.getTime() / 86_400_000);
  const balanceQuery = db
    .selectFrom('centre_balances')
    .select([
      'facility_id',
      'location_id',
      'item_id',
      'lot_code',
      'on_hand',
      'quarantined',
      'expiry',
    ])
    .where(sql<boolean>`facility_id = any(${textArray(facilities)})`);
  // What the definitions read of usage is its sum over the 30 days to today, per item-location:
  // summed here, by the kept totals' key (facility first, then day), not read day by day.
  const usageQuery = db
    .selectFrom('usage_day_totals')
    .select(['facility_id', 'location_id', 'item_id', sql<string>`sum(units)`.as('units')])
    .where(sql<boolean>`facility_id = any(${textArray(facilities)})`)
    .where('day', '>', today - USAGE_WINDOW_DAYS)
    .where('day', '<=', today)
    .groupBy(['facility_id', 'location_id', 'item_id']);
  let parQuery = db
    .selectFrom('documents')
    .select('doc')
    .where('collection', '=', 'par_levels')
    .where('deleted', '=', false);
  if (only !== undefined) {
    parQuery = parQuery.where(sql<boolean>`doc->>'facilityId' = ${only}`);
  }
  const [balanceRows, usageRows, parRows] = await Promise.all([
    balanceQuery.execute(),
    usageQuery.execute(),
    parQuery.execute(),
  ]);
  const balances = group<StockBalance>(
    balanceRows.map((r) => [
      r.facility_id,
      {
        locationId: r.location_id,
        itemId: r.item_id,
        lotCode: r.lot_code,
        onHand: Number(r.on_hand),
        quarantined: Number(r.quarantined),
        ...(r.expiry === null ? {} : { expiry: r.expiry }),
      },
    ]),
  );
  const usage = new Map<string, Map<string, Map<number, number>>>();
  for (const row of usageRows) {
    const ofFacility = usage.get(row.facility_id) ?? new Map<string, Map<number, number>>();
    const key = itemLocationKey(row.location_id, row.item_id);
    // The window's total on its last day: what `usedInWindow` sums to over the same 30 days.
    ofFacility.set(key, new Map([[today, Number(row.units)]]));
    usage.set(row.facility_id, ofFacility);
  }
  const parLevels = group(
    parRows.map((r) => {
      const level = r.doc as unknown as ParLevel;
      return [level.facilityId, level];
    }),
  );
  const answer = new Map<string, StockNowRecords>();
  for (const facilityId of facilities) {
    answer.set(
      facilityId,
      stockNowRecords(
        balances.get(facilityId) ?? [],
        usage.get(facilityId) ?? new Map(),
        parLevels.get(facilityId) ?? [],
        unitCost,
        now.toISOString(),
      ),
    );
  }
  return answer;
}
