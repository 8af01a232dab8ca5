import { sql, type Kysely } from 'kysely';
import {
  eventFiguresFromTotals,
  facilitySummaryFrom,
  stockNowOf,
  type FacilitySummary,
  type Period,
} from '../../shared/indicators';
import type { Item, RecallCase, RecallNotice, SupplyRequest } from '../../shared/model';
import { acknowledgeTargets, serviceLevelsOf } from '../../shared/replenishment/service-levels';
import type { Database } from '../db/schema';
import { storedPolicy } from '../store/approval-policies';
import { catchUpCentreBalances } from '../store/centre-balances';
import { networkStock } from './network-stock';
import { networkStockoutDays } from '../store/centre-stockout-days';

const noStock = {
  atZero: [],
  risks: [],
  expiry: { bands: [], expired: { units: 0, value: 0 }, lots: [] },
};

async function docsOf<T>(db: Kysely<Database>, collection: string): Promise<T[]> {
  const rows = await db
    .selectFrom('documents')
    .select('doc')
    .where('collection', '=', collection)
    .where('deleted', '=', false)
    .execute();
  return rows.map((row) => row.doc as unknown as T);
}

function byFacility<T extends { facilityId: string }>(docs: readonly T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const doc of docs) {
    const group = groups.get(doc.facilityId) ?? [];
    group.push(doc);
    groups.set(doc.facilityId, group);
  }
  return groups;
}

/**
 * The period's kept event totals (shared/indicators/event-day-totals.ts, kept by the write path),
 * summed over its days per facility and item: a few rows per facility, however many events.
 */
async function periodTotals(db: Kysely<Database>, period: Period, only?: string) {
  let query = db
    .selectFrom('event_day_totals')
    .select([
      'facility_id',
      'item_id',
      sql<string>`sum(counts)`.as('counts'),
      sql<string>`sum(counts_within)`.as('counts_within'),
      sql<string>`sum(waste_units)`.as('waste_units'),
    ])
    .where(sql<boolean>`day between cast(${period.from} as date) and cast(${period.to} as date)`)
    .groupBy(['facility_id', 'item_id']);
  if (only !== undefined) query = query.where('facility_id', '=', only);
  const totals = new Map<
    string,
    { itemId: string; counts: number; countsWithin: number; wasteUnits: number }[]
  >();
  for (const row of await query.execute()) {
    const group = totals.get(row.facility_id) ?? [];
    group.push({
      itemId: row.item_id,
      counts: Number(row.counts),
      countsWithin: Number(row.counts_within),
      wasteUnits: Number(row.waste_units),
    });
    totals.set(row.facility_id, group);
  }
  return totals;
}

/**
 * Every facility's headline figures over `period`, computed at the centre from what the PCs have
 * pushed, with the same definitions as the stockroom dashboard. The count and waste figures come
 * from the totals the write path keeps and the stock figures from the balances projection, so the
 * answer does not grow with the events stored; requests and recall cases, far fewer, are read once
 * and grouped.
 */
export async function networkIndicators(
  db: Kysely<Database>,
  period: Period,
  now: Date,
  only?: string,
): Promise<FacilitySummary[]> {
  const facilities = (await db.selectFrom('facilities').select('id').orderBy('id').execute())
    .map((f) => f.id)
    .filter((f) => only === undefined || f === only);
  const [items, notices, requests, cases, totals] = await Promise.all([
    docsOf<Item>(db, 'items'),
    docsOf<RecallNotice>(db, 'recall_notices'),
    docsOf<SupplyRequest>(db, 'supply_requests'),
    docsOf<RecallCase>(db, 'recall_cases'),
    periodTotals(db, period, only),
  ]);
  const cost = new Map(items.map((i) => [i.id, i.unitCost]));
  const unitCost = (id: string) => cost.get(id);
  // Everything accepted before this read is in the stock figures; both then read the projection.
  await catchUpCentreBalances(db, now);
  const [stock, stockoutDays] = await Promise.all([
    networkStock(db, facilities, unitCost, now, only),
    networkStockoutDays(db, facilities, period),
  ]);
  const requestsOf = byFacility(requests);
  const casesOf = byFacility(cases);
  const summaries: FacilitySummary[] = [];
  for (const facilityId of facilities) {
    const policy = await storedPolicy(db, facilityId);
    summaries.push(
      facilitySummaryFrom(
        {
          facilityId,
          eventFigures: eventFiguresFromTotals(totals.get(facilityId) ?? [], unitCost),
          stock: stockNowOf(stock.get(facilityId) ?? noStock),
          stockoutDays: stockoutDays.get(facilityId) ?? 0,
          requests: requestsOf.get(facilityId) ?? [],
          cases: casesOf.get(facilityId) ?? [],
          notices,
          unitCost,
          acknowledgeTargets: acknowledgeTargets(serviceLevelsOf(policy)),
        },
        period,
        now.toISOString(),
      ),
    );
  }
  return summaries;
}
