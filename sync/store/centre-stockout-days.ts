import { sql, type Kysely, type Transaction } from 'kysely';
import { isoDateFromDays } from '../../shared/inventory/calendar';
import { periodDays, type Period } from '../../shared/indicators';
import { stockoutsByDay } from './stockouts-by-day';
import type { Database } from '../db/schema';
import { jsonRecords, textArray } from './json';

/**
 * Each facility's stockout days, kept per day (migration 022), so the network's figure over a
 * period is a sum of rows, not a walk over every item-location per view. The balances projection
 * marks a facility stale from the earliest day its new events name; once its lots are folded, the
 * kept days from there to today are walked again (`stockoutsByDay`). A facility's first walk keeps
 * the last KEPT_DAYS days; a day that passes with no event is walked when the day has turned.
 */
export const KEPT_DAYS = 400;

const STALE_COLUMNS = '"facilityId" text, day integer';

/** Marks facilities stale from the earliest day of their new events (in the read step's transaction). */
export async function markStockoutsStale(
  trx: Transaction<Database>,
  earliest: ReadonlyMap<string, number>,
): Promise<void> {
  if (earliest.size === 0) return;
  const rows = [...earliest].map(([facilityId, day]) => ({ facilityId, day }));
  await sql`
    insert into centre_stockout_state (facility_id, stale_from)
    select "facilityId", day from ${jsonRecords(rows, STALE_COLUMNS, 's')}
    on conflict (facility_id) do update set
      stale_from = least(coalesce(centre_stockout_state.stale_from, excluded.stale_from), excluded.stale_from)`.execute(
    trx,
  );
}

interface State {
  facility_id: string;
  kept_from: number | null;
  kept_through: number | null;
  stale_from: number | null;
}

/** The days to walk again: from the stale day (or the day after the last kept one) to today. */
function toWalk(state: State, today: number): { from: number; to: number } | undefined {
  const earliest = today - KEPT_DAYS + 1;
  if (state.kept_from === null || state.kept_through === null) return { from: earliest, to: today };
  const from = Math.max(
    earliest,
    Math.min(state.stale_from ?? Number.POSITIVE_INFINITY, state.kept_through + 1),
  );
  return from <= today ? { from, to: today } : undefined;
}

/**
 * Walks one facility's stale or new days again and keeps them. Runs under the checkpoint's lock
 * (`lockCheckpoint`, given), so no read step marks the facility stale meanwhile, and only when no
 * lot is waiting to be folded.
 */
export async function keepStockoutDays(
  trx: Transaction<Database>,
  facilityId: string,
  today: number,
): Promise<void> {
  const state = await trx
    .selectFrom('centre_stockout_state')
    .selectAll()
    .where('facility_id', '=', facilityId)
    .executeTakeFirst();
  if (!state) return;
  const walk = toWalk(state, today);
  if (walk) {
    const period = { from: isoDateFromDays(walk.from), to: isoDateFromDays(walk.to) };
    const counts = (await stockoutsByDay(trx, [facilityId], period)).get(facilityId) ?? new Map();
    await trx
      .deleteFrom('centre_stockout_days')
      .where('facility_id', '=', facilityId)
      .where('day', '>=', walk.from)
      .where('day', '<=', walk.to)
      .execute();
    const rows = [...counts]
      .filter(([, n]) => n > 0)
      .map(([day, n]) => ({ facility_id: facilityId, day, item_locations: n }));
    if (rows.length > 0) await trx.insertInto('centre_stockout_days').values(rows).execute();
  }
  // Days before the window are no longer kept: the window moves on with today.
  const keptFrom = Math.max(state.kept_from ?? walk?.from ?? today, today - KEPT_DAYS + 1);
  await trx
    .deleteFrom('centre_stockout_days')
    .where('facility_id', '=', facilityId)
    .where('day', '<', keptFrom)
    .execute();
  await trx
    .updateTable('centre_stockout_state')
    .set({ kept_from: keptFrom, kept_through: today, stale_from: null })
    .where('facility_id', '=', facilityId)
    .execute();
}

/** The facilities whose kept days are stale or end before today. */
export async function facilitiesToWalk(db: Kysely<Database>, today: number): Promise<string[]> {
  const rows = await db
    .selectFrom('centre_stockout_state')
    .select('facility_id')
    .where((eb) =>
      eb.or([
        eb('stale_from', 'is not', null),
        eb('kept_through', 'is', null),
        eb('kept_through', '<', today),
      ]),
    )
    .orderBy('facility_id')
    .execute();
  return rows.map((r) => r.facility_id);
}

/**
 * Each facility's stockout days over `period`: the kept days summed, and any day of the period
 * outside a facility's kept days (before its window, after today, or a facility never walked)
 * walked now. Bring the projection up to date first (catchUpCentreBalances).
 */
export async function networkStockoutDays(
  db: Kysely<Database>,
  facilities: readonly string[],
  period: Period,
): Promise<Map<string, number>> {
  const answer = new Map<string, number>(facilities.map((f) => [f, 0]));
  const days = periodDays(period);
  if (!days || facilities.length === 0) return answer;
  const inFacilities = sql<boolean>`facility_id = any(${textArray(facilities)})`;
  const [states, kept] = await Promise.all([
    db.selectFrom('centre_stockout_state').selectAll().where(inFacilities).execute(),
    db
      .selectFrom('centre_stockout_days')
      .select(['facility_id', sql<string>`sum(item_locations)`.as('n')])
      .where(inFacilities)
      .where('day', '>=', days.first)
      .where('day', '<=', days.last)
      .groupBy('facility_id')
      .execute(),
  ]);
  for (const row of kept) answer.set(row.facility_id, Number(row.n));
  const stateOf = new Map(states.map((s) => [s.facility_id, s]));
  // The parts of the period each facility does not keep, grouped so that one walk serves many.
  const unkept = new Map<string, { from: number; to: number; facilities: string[] }>();
  const add = (from: number, to: number, facilityId: string) => {
    if (from > to) return;
    const key = `${from}:${to}`;
    const group = unkept.get(key) ?? { from, to, facilities: [] };
    group.facilities.push(facilityId);
    unkept.set(key, group);
  };
  for (const facilityId of facilities) {
    const state = stateOf.get(facilityId);
    if (state?.kept_from == null || state.kept_through == null) {
      add(days.first, days.last, facilityId);
      continue;
    }
    add(days.first, Math.min(days.last, state.kept_from - 1), facilityId);
    add(Math.max(days.first, state.kept_through + 1), days.last, facilityId);
  }
  for (const group of unkept.values()) {
    const walked = await stockoutsByDay(db, group.facilities, {
      from: isoDateFromDays(group.from),
      to: isoDateFromDays(group.to),
    });
    for (const [facilityId, counts] of walked) {
      let total = answer.get(facilityId) ?? 0;
      for (const n of counts.values()) total += n;
      answer.set(facilityId, total);
    }
  }
  return answer;
}
