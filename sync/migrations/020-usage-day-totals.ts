import { sql, type Kysely } from 'kysely';
import { usageDayTotal, type UsageDayTotal } from '../../shared/indicators/usage-day-totals';
import type { StockEvent } from '../../shared/model';

const PAGE = 5_000;

/**
 * The usage the write path keeps (shared/indicators/usage-day-totals.ts): per facility, UTC day,
 * location, item and person, the units issued less those returned, so the console's usage flags
 * read totals rather than thirteen weeks of events per facility on every queue listing. Filled
 * here from the events already stored, by the same shared function the write path uses.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('usage_day_totals')
    .addColumn('facility_id', 'text', (c) => c.notNull())
    .addColumn('day', 'integer', (c) => c.notNull())
    .addColumn('location_id', 'text', (c) => c.notNull())
    .addColumn('item_id', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text', (c) => c.notNull())
    .addColumn('units', 'bigint', (c) => c.notNull())
    // A facility's weeks of usage: the flags' one read, in the key's order.
    .addPrimaryKeyConstraint('usage_day_totals_pk', [
      'facility_id',
      'day',
      'location_id',
      'item_id',
      'actor_id',
    ])
    .execute();

  let after = -1;
  for (;;) {
    const { rows } = await sql<{ seq: string; doc: StockEvent }>`
      select seq, doc from documents
      where collection = 'stock_events' and not deleted and seq > ${after}
        and doc->>'type' in ('issue', 'return')
      order by seq limit ${PAGE}`.execute(db);
    if (rows.length === 0) break;
    after = Number(rows[rows.length - 1]?.seq);
    const parts = rows.flatMap((r) => usageDayTotal(r.doc) ?? []);
    if (parts.length > 0) await addUsage(db, parts);
  }
}

async function addUsage(db: Kysely<unknown>, parts: readonly UsageDayTotal[]): Promise<void> {
  await sql`
    insert into usage_day_totals (facility_id, day, location_id, item_id, actor_id, units)
    select t."facilityId", t.day, t."locationId", t."itemId", t."actorId", sum(t.units)
    from jsonb_to_recordset(cast(${JSON.stringify(parts)} as text)::jsonb)
      as t("facilityId" text, day integer, "locationId" text, "itemId" text, "actorId" text, units bigint)
    group by 1, 2, 3, 4, 5
    on conflict (facility_id, day, location_id, item_id, actor_id) do update set
      units = usage_day_totals.units + excluded.units`.execute(db);
}
