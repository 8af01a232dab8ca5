import { sql, type Kysely, type Transaction } from 'kysely';
import { splitItemLocation } from '../../shared/indicators/item-location';
import { availabilityChangesOf } from '../../shared/indicators/stockout-days';
import { foldLedger } from '../../shared/inventory/ledger-fold';
import type { StockEvent } from '../../shared/model';
import type { Database } from '../db/schema';
import { jsonRecords } from './json';
import { readableSeqCeiling } from './sequenced';
import { linkOf, lotId, membershipsOf, type Link, type Lot } from './centre-lot-links';
import { facilitiesToWalk, keepStockoutDays, markStockoutsStale } from './centre-stockout-days';
import { dayOf } from '../../shared/indicators/period';

/**
 * The centre's balances projection (migration 022): each lot of each facility folded by the
 * ledger's own fold (shared/inventory/ledger-fold.ts), so the network's stock figures agree with
 * what the facility's PC shows. It runs beside the write path, not in it: a push costs what it did,
 * and `catchUpCentreBalances` reads what was accepted since it last ran, below the readable
 * ceiling (sync/store/sequenced.ts), so a push still in flight is never passed over.
 *
 * A lot is folded from its members: its own events and every reversal below one of them, wherever
 * the reversal itself points (a reversal that names the wrong lot still cancels, as on the PC).
 * Reversals follow links within a facility only, as each PC folds its own facility's ledger.
 */

const PROJECTION = 'balances';
/** Events read per statement. */
const PAGE = 5_000;
/**
 * Events per transaction: on PGlite a transaction holds the endpoint's one connection, so a large
 * backlog (the first run on an old database) is taken in steps that pushes can run between.
 */
const EVENTS_PER_STEP = 5_000;
/** Lots read back and folded per transaction. */
const LOTS_PER_FOLD = 100;

const LINK_COLUMNS =
  '"eventId" text, "facilityId" text, "itemId" text, "lotCode" text, reverses text';
const MEMBER_COLUMNS = '"facilityId" text, "itemId" text, "lotCode" text, "eventId" text';
const LOT_COLUMNS = '"facilityId" text, "itemId" text, "lotCode" text';
const DAY_COLUMNS =
  '"facilityId" text, "itemId" text, "lotCode" text, "locationId" text, day integer, change bigint';
const BALANCE_COLUMNS =
  '"facilityId" text, "itemId" text, "lotCode" text, "locationId" text, "onHand" bigint, quarantined bigint, expiry text';

/** The links whose `column` is one of `ids`: an event by its id, or the reversals naming it. */
/** Takes out what a projection table holds of these lots, before their fold is written again. */
async function clearLots(
  trx: Transaction<Database>,
  table: 'centre_lot_days' | 'centre_balances',
  lots: readonly Lot[],
): Promise<void> {
  await sql`
    delete from ${sql.table(table)} t using ${jsonRecords(lots, LOT_COLUMNS, 'l')}
    where t.facility_id = l."facilityId" and t.item_id = l."itemId" and t.lot_code = l."lotCode"`.execute(
    trx,
  );
}

/** Folds each lot from its members and replaces its balances and its days' changes. */
async function refoldLots(trx: Transaction<Database>, lots: readonly Lot[]): Promise<void> {
  for (let start = 0; start < lots.length; start += LOTS_PER_FOLD) {
    const chunk = lots.slice(start, start + LOTS_PER_FOLD);
    const { rows } = await sql<{
      facility_id: string;
      item_id: string;
      lot_code: string;
      doc: StockEvent;
    }>`
      select m.facility_id, m.item_id, m.lot_code, d.doc
      from ${jsonRecords(chunk, LOT_COLUMNS, 'l')}
      join centre_lot_members m
        on m.facility_id = l."facilityId" and m.item_id = l."itemId" and m.lot_code = l."lotCode"
      join documents d on d.collection = 'stock_events' and d.id = m.event_id and not d.deleted`.execute(
      trx,
    );
    const eventsOf = new Map<string, StockEvent[]>();
    for (const row of rows) {
      const key = lotId({
        facilityId: row.facility_id,
        itemId: row.item_id,
        lotCode: row.lot_code,
      });
      const list = eventsOf.get(key) ?? [];
      list.push(row.doc);
      eventsOf.set(key, list);
    }
    const balances = chunk.flatMap((lot) =>
      [...foldLedger(eventsOf.get(lotId(lot)) ?? []).balances.values()]
        // The lot's own: a reversal that names another lot folds with it but has no effect here.
        .filter((b) => b.itemId === lot.itemId && b.lotCode === lot.lotCode)
        .map((b) => ({
          facilityId: lot.facilityId,
          itemId: b.itemId,
          lotCode: b.lotCode,
          locationId: b.locationId,
          onHand: b.onHand,
          quarantined: b.quarantined,
          expiry: b.expiry ?? null,
        })),
    );
    const days = chunk.flatMap((lot) =>
      [...availabilityChangesOf(eventsOf.get(lotId(lot)) ?? [])].flatMap(([key, changes]) => {
        const { locationId, itemId } = splitItemLocation(key);
        return [...changes].map(([day, change]) => ({
          facilityId: lot.facilityId,
          itemId,
          lotCode: lot.lotCode,
          locationId,
          day,
          change,
        }));
      }),
    );
    await clearLots(trx, 'centre_lot_days', chunk);
    if (days.length > 0) {
      await sql`
        insert into centre_lot_days (facility_id, item_id, lot_code, location_id, day, change)
        select "facilityId", "itemId", "lotCode", "locationId", day, change
        from ${jsonRecords(days, DAY_COLUMNS, 'c')}`.execute(trx);
    }
    await clearLots(trx, 'centre_balances', chunk);
    if (balances.length > 0) {
      await sql`
        insert into centre_balances (facility_id, item_id, lot_code, location_id, on_hand, quarantined, expiry)
        select "facilityId", "itemId", "lotCode", "locationId", "onHand", quarantined, expiry
        from ${jsonRecords(balances, BALANCE_COLUMNS, 'b')}`.execute(trx);
    }
  }
}

async function lockCheckpoint(trx: Transaction<Database>): Promise<number> {
  const checkpoint = await trx
    .selectFrom('centre_projections')
    .select('seq')
    .where('name', '=', PROJECTION)
    .forUpdate()
    .executeTakeFirstOrThrow();
  return Number(checkpoint.seq);
}

/**
 * Reads up to EVENTS_PER_STEP events after the checkpoint, at or below `ceiling`: records their
 * links and memberships and marks the lots they touch, in one transaction with the checkpoint.
 * Folding waits for `foldStep`, so a backlog folds each lot once, not once per step.
 */
async function readStep(db: Kysely<Database>, ceiling: number, now: Date): Promise<number> {
  return db.transaction().execute(async (trx) => {
    let after = await lockCheckpoint(trx);
    const fresh: Link[] = [];
    // Per facility, the earliest day the new events name: its kept stockout days are stale from there.
    const earliest = new Map<string, number>();
    let read = 0;
    while (after < ceiling && read < EVENTS_PER_STEP) {
      const { rows } = await sql<{ seq: string; doc: Partial<StockEvent> }>`
        select seq, doc from documents
        where collection = 'stock_events' and not deleted and seq > ${after} and seq <= ${ceiling}
        order by seq limit ${PAGE}`.execute(trx);
      if (rows.length === 0) {
        after = ceiling;
        break;
      }
      read += rows.length;
      after = Number(rows[rows.length - 1]?.seq);
      for (const row of rows) {
        const link = linkOf(row.doc);
        if (!link) continue;
        fresh.push(link);
        const day = typeof row.doc.occurredAt === 'string' ? dayOf(row.doc.occurredAt) : undefined;
        if (day !== undefined) {
          earliest.set(link.facilityId, Math.min(earliest.get(link.facilityId) ?? day, day));
        }
      }
    }
    if (fresh.length > 0) {
      await sql`
        insert into centre_stock_links (event_id, facility_id, item_id, lot_code, reverses)
        select "eventId", "facilityId", "itemId", "lotCode", reverses
        from ${jsonRecords(fresh, LINK_COLUMNS, 'k')}
        on conflict (event_id) do nothing`.execute(trx);
      const members = (await membershipsOf(trx, fresh)).map((m) => ({
        ...m.lot,
        eventId: m.eventId,
      }));
      await sql`
        insert into centre_lot_members (facility_id, item_id, lot_code, event_id)
        select "facilityId", "itemId", "lotCode", "eventId"
        from ${jsonRecords(members, MEMBER_COLUMNS, 'm')}
        on conflict do nothing`.execute(trx);
      await markStockoutsStale(trx, earliest);
      await sql`
        insert into centre_dirty_lots (facility_id, item_id, lot_code)
        select distinct "facilityId", "itemId", "lotCode"
        from ${jsonRecords(members, MEMBER_COLUMNS, 'm')}
        on conflict do nothing`.execute(trx);
    }
    await trx
      .updateTable('centre_projections')
      .set({ seq: after, caught_up_at: now })
      .where('name', '=', PROJECTION)
      .execute();
    return fresh.length;
  });
}

/** Folds up to LOTS_PER_FOLD marked lots and clears their marks; the number folded. */
async function foldStep(db: Kysely<Database>): Promise<number> {
  return db.transaction().execute(async (trx) => {
    // The checkpoint's lock keeps a read step from adding a member while its lot is folded.
    await lockCheckpoint(trx);
    const marked = await trx
      .selectFrom('centre_dirty_lots')
      .select(['facility_id', 'item_id', 'lot_code'])
      .limit(LOTS_PER_FOLD)
      .execute();
    if (marked.length === 0) return 0;
    const lots = marked.map((m) => ({
      facilityId: m.facility_id,
      itemId: m.item_id,
      lotCode: m.lot_code,
    }));
    await refoldLots(trx, lots);
    await sql`
      delete from centre_dirty_lots d using ${jsonRecords(lots, LOT_COLUMNS, 'l')}
      where d.facility_id = l."facilityId" and d.item_id = l."itemId" and d.lot_code = l."lotCode"`.execute(
      trx,
    );
    return lots.length;
  });
}

/**
 * Brings the balances projection up to everything accepted before the call: run before the
 * network's stock figures are read, and now and then in the background so that read stays short.
 * Two endpoint processes may call it at once: the checkpoint's row lock puts one after the other.
 * `stopping` is asked between steps, so a shutdown waits for one step, not a whole backlog.
 */
export async function catchUpCentreBalances(
  db: Kysely<Database>,
  now: Date,
  stopping: () => boolean = () => false,
): Promise<{ events: number; lots: number }> {
  const ceiling = await readableSeqCeiling(db);
  let events = 0;
  let lots = 0;
  while (!stopping()) {
    const before = await db
      .selectFrom('centre_projections')
      .select('seq')
      .where('name', '=', PROJECTION)
      .executeTakeFirstOrThrow();
    if (Number(before.seq) >= ceiling) break;
    events += await readStep(db, ceiling, now);
  }
  while (!stopping()) {
    const folded = await foldStep(db);
    if (folded === 0) break;
    lots += folded;
  }
  const today = Math.floor(now.getTime() / 86_400_000);
  for (const facilityId of await facilitiesToWalk(db, today)) {
    if (stopping()) break;
    await db.transaction().execute(async (trx) => {
      await lockCheckpoint(trx);
      // Kept days are walked from folded lots only: a lot still waiting leaves them for next time.
      const waiting = await trx
        .selectFrom('centre_dirty_lots')
        .select('lot_code')
        .limit(1)
        .execute();
      if (waiting.length === 0) await keepStockoutDays(trx, facilityId, today);
    });
  }
  return { events, lots };
}
