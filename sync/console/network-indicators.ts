import { sql, type Kysely } from 'kysely';
import { facilitySummary, type FacilitySummary, type Period } from '../../shared/indicators';
import type { Item, RecallCase, RecallNotice, StockEvent, SupplyRequest } from '../../shared/model';
import { acknowledgeTargets, serviceLevelsOf } from '../../shared/replenishment/service-levels';
import type { Database } from '../db/schema';
import { storedPolicy } from '../store/approval-policies';

/** The stock event types an indicator reads: counts, and waste or adjustments for expiry waste. */
const READ_TYPES = ['count', 'waste', 'adjust'];

async function docsOf<T>(
  db: Kysely<Database>,
  collection: string,
  facilityId: string | null,
  since?: string,
): Promise<T[]> {
  let query = db
    .selectFrom('documents')
    .select('doc')
    .where('collection', '=', collection)
    .where('deleted', '=', false);
  if (facilityId !== null) query = query.where(sql<boolean>`doc->>'facilityId' = ${facilityId}`);
  if (since !== undefined) {
    query = query
      .where(sql<boolean>`doc->>'occurredAt' >= ${since}`)
      .where(sql<boolean>`doc->>'type' in (${sql.join(READ_TYPES)})`);
  }
  return (await query.execute()).map((row) => row.doc as unknown as T);
}

/**
 * Every facility's headline figures over `period`, computed at the centre from what the PCs have
 * pushed, with the same functions as the stockroom dashboard. Read per request: at network scale
 * this scans each facility's counts and waste of the period (issue 16 asks for kept aggregates;
 * not built yet).
 */
export async function networkIndicators(
  db: Kysely<Database>,
  period: Period,
  now: Date,
  only?: string,
): Promise<FacilitySummary[]> {
  const facilities = (await db.selectFrom('facilities').select('id').orderBy('id').execute()).map(
    (f) => f.id,
  );
  const items = await docsOf<Item>(db, 'items', null);
  const cost = new Map(items.map((i) => [i.id, i.unitCost]));
  const notices = await docsOf<RecallNotice>(db, 'recall_notices', null);
  const summaries: FacilitySummary[] = [];
  for (const facilityId of facilities.filter((f) => only === undefined || f === only)) {
    const policy = await storedPolicy(db, facilityId);
    summaries.push(
      facilitySummary(
        {
          facilityId,
          events: await docsOf<StockEvent>(db, 'stock_events', facilityId, period.from),
          requests: await docsOf<SupplyRequest>(db, 'supply_requests', facilityId),
          cases: await docsOf<RecallCase>(db, 'recall_cases', facilityId),
          notices,
          unitCost: (id) => cost.get(id),
          acknowledgeTargets: acknowledgeTargets(serviceLevelsOf(policy)),
        },
        period,
        now.toISOString(),
      ),
    );
  }
  return summaries;
}
