import { sql, type Kysely } from 'kysely';

/**
 * The centre's balances projection (issue 16): on-hand per facility, location, item and lot, so the
 * network's stockouts, stockout risk and expiring value read a few rows per facility instead of
 * folding every event. sync/store/centre-balances.ts keeps it; it starts empty here and catches up
 * from the events already stored on its first run, a page at a time.
 *
 * A lot's balances are the ledger fold of its events and of the reversals that name them, which is
 * not a sum (a reversal of a reversal restores), so each lot keeps the list of its members and is
 * folded again, whole, when one arrives.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  // Each stock event once: the lot its own fields name, and the event it reverses.
  await db.schema
    .createTable('centre_stock_links')
    .addColumn('event_id', 'text', (c) => c.primaryKey())
    .addColumn('facility_id', 'text', (c) => c.notNull())
    .addColumn('item_id', 'text', (c) => c.notNull())
    .addColumn('lot_code', 'text', (c) => c.notNull())
    .addColumn('reverses', 'text')
    .execute();
  // The reversals that name an event: found when the event arrives after them.
  await sql`create index centre_stock_links_reverses on centre_stock_links (reverses)
    where reverses is not null`.execute(db);
  // The events a lot's fold reads: its own, and every reversal below one of them.
  await db.schema
    .createTable('centre_lot_members')
    .addColumn('facility_id', 'text', (c) => c.notNull())
    .addColumn('item_id', 'text', (c) => c.notNull())
    .addColumn('lot_code', 'text', (c) => c.notNull())
    .addColumn('event_id', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('centre_lot_members_pk', [
      'facility_id',
      'item_id',
      'lot_code',
      'event_id',
    ])
    .execute();
  await db.schema
    .createTable('centre_balances')
    .addColumn('facility_id', 'text', (c) => c.notNull())
    .addColumn('item_id', 'text', (c) => c.notNull())
    .addColumn('lot_code', 'text', (c) => c.notNull())
    .addColumn('location_id', 'text', (c) => c.notNull())
    .addColumn('on_hand', 'bigint', (c) => c.notNull())
    .addColumn('quarantined', 'bigint', (c) => c.notNull())
    .addColumn('expiry', 'text')
    .addPrimaryKeyConstraint('centre_balances_pk', [
      'facility_id',
      'item_id',
      'lot_code',
      'location_id',
    ])
    .execute();
  // Each lot's change in available units per location and day, with reversals settled as of each
  // day (shared/indicators/stockout-days.ts): what stockout days over a period are walked from.
  await db.schema
    .createTable('centre_lot_days')
    .addColumn('facility_id', 'text', (c) => c.notNull())
    .addColumn('item_id', 'text', (c) => c.notNull())
    .addColumn('lot_code', 'text', (c) => c.notNull())
    .addColumn('location_id', 'text', (c) => c.notNull())
    .addColumn('day', 'integer', (c) => c.notNull())
    .addColumn('change', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('centre_lot_days_pk', [
      'facility_id',
      'item_id',
      'lot_code',
      'location_id',
      'day',
    ])
    .execute();
  // A period's changes across facilities: read from its first day on.
  await db.schema
    .createIndex('centre_lot_days_day')
    .on('centre_lot_days')
    .columns(['facility_id', 'day'])
    .execute();
  // Each facility's stockout days per day, kept from the lots' changes and the kept usage, so a
  // period's figure is a sum of rows; `centre_stockout_state` says which days are kept and from
  // which day on new events have made them stale.
  await db.schema
    .createTable('centre_stockout_days')
    .addColumn('facility_id', 'text', (c) => c.notNull())
    .addColumn('day', 'integer', (c) => c.notNull())
    .addColumn('item_locations', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('centre_stockout_days_pk', ['facility_id', 'day'])
    .execute();
  await db.schema
    .createTable('centre_stockout_state')
    .addColumn('facility_id', 'text', (c) => c.primaryKey())
    .addColumn('kept_from', 'integer')
    .addColumn('kept_through', 'integer')
    .addColumn('stale_from', 'integer')
    .execute();
  // Lots with members added since their last fold: marked with the members, cleared with the fold,
  // so a crash between the two leaves the lot to fold again, never a stale balance marked clean.
  await db.schema
    .createTable('centre_dirty_lots')
    .addColumn('facility_id', 'text', (c) => c.notNull())
    .addColumn('item_id', 'text', (c) => c.notNull())
    .addColumn('lot_code', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('centre_dirty_lots_pk', ['facility_id', 'item_id', 'lot_code'])
    .execute();
  // How far the projection has read the documents' sequence: one row, locked by the projector.
  await db.schema
    .createTable('centre_projections')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('seq', 'bigint', (c) => c.notNull())
    .addColumn('caught_up_at', 'timestamptz')
    .execute();
  await sql`insert into centre_projections (name, seq) values ('balances', 0)`.execute(db);
}
