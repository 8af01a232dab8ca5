import { sql, type Kysely } from 'kysely';
import { eventDayTotal, type EventDayTotal } from '../../shared/indicators/event-day-totals';
import type { StockEvent } from '../../shared/model';

const PAGE = 5_000;

/**
 * The event-based indicator totals the write path keeps (shared/indicators/event-day-totals.ts):
 * per facility, UTC day and item, the counts, counts within tolerance and units wasted to expiry,
 * so the network's figures (issue 16) read totals rather than every event. Filled here from the
 * events already stored, by the same shared function the write path uses.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('event_day_totals')
    .addColumn('facility_id', 'text', (c) => c.notNull())
    .addColumn('day', 'date', (c) => c.notNull())
    .addColumn('item_id', 'text', (c) => c.notNull())
    .addColumn('counts', 'integer', (c) => c.notNull())
    .addColumn('counts_within', 'integer', (c) => c.notNull())
    .addColumn('waste_units', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('event_day_totals_pk', ['facility_id', 'day', 'item_id'])
    .execute();
  // A period's totals across facilities: the network view's one read.
  await db.schema
    .createIndex('event_day_totals_day')
    .on('event_day_totals')
    .column('day')
    .execute();

  let after = -1;
  for (;;) {
    const { rows } = await sql<{ seq: string; doc: StockEvent }>`
      select seq, doc from documents
      where collection = 'stock_events' and not deleted and seq > ${after}
      order by seq limit ${PAGE}`.execute(db);
    if (rows.length === 0) break;
    after = Number(rows[rows.length - 1]?.seq);
    const parts = rows.flatMap((r) => eventDayTotal(r.doc) ?? []);
    if (parts.length > 0) await addTotals(db, parts);
  }
}

async function addTotals(db: Kysely<unknown>, parts: readonly EventDayTotal[]): Promise<void> {
  await sql`
    insert into event_day_totals (facility_id, day, item_id, counts, counts_within, waste_units)
    select t."facilityId", t.day, t."itemId", sum(t.counts), sum(t."countsWithin"), sum(t."wasteUnits")
    from jsonb_to_recordset(cast(${JSON.stringify(parts)} as text)::jsonb)
      as t("facilityId" text, day date, "itemId" text, counts integer, "countsWithin" integer, "wasteUnits" bigint)
    group by 1, 2, 3
    on conflict (facility_id, day, item_id) do update set
      counts = event_day_totals.counts + excluded.counts,
      counts_within = event_day_totals.counts_within + excluded.counts_within,
      waste_units = event_day_totals.waste_units + excluded.waste_units`.execute(db);
}
