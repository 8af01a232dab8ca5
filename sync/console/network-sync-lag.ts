import { sql, type Kysely } from 'kysely';
import { syncLag, type FacilitySyncLag, type Period } from '../../shared/indicators';
import type { Database } from '../db/schema';

/** The instant after the period's last day: the period is whole UTC days, `to` inclusive. */
const endOf = (period: Period) => new Date(Date.parse(`${period.to}T00:00:00Z`) + 86_400_000);

/**
 * Sync lag per facility from what the centre itself records: each PC's last authenticated contact
 * (devices.last_contact_at), and each stock event's first receipt (documents.recorded_at, kept on
 * a re-push) beside the PC's occurredAt. Only the events received in the period are read, and only
 * the three fields the indicator needs.
 */
export async function networkSyncLag(
  db: Kysely<Database>,
  facilityIds: readonly string[],
  period: Period,
  now: Date,
): Promise<FacilitySyncLag[]> {
  if (facilityIds.length === 0) return [];
  const devices = await db
    .selectFrom('devices')
    .select(['id', 'facility_id', 'last_contact_at', 'revoked_at'])
    .where('facility_id', 'in', [...facilityIds])
    .execute();
  const events = await db
    .selectFrom('documents')
    .select([
      sql<string>`doc->>'facilityId'`.as('facility_id'),
      sql<string>`doc->>'occurredAt'`.as('occurred_at'),
      'recorded_at',
    ])
    .where('collection', '=', 'stock_events')
    .where('recorded_at', '>=', new Date(`${period.from}T00:00:00Z`))
    .where('recorded_at', '<', endOf(period))
    .where(sql<boolean>`doc->>'facilityId' in (${sql.join([...facilityIds])})`)
    .execute();
  return syncLag(
    facilityIds,
    devices.map((d) => ({
      deviceId: d.id,
      facilityId: d.facility_id,
      lastContactAt: d.last_contact_at?.toISOString() ?? null,
      revoked: d.revoked_at !== null,
    })),
    events.map((e) => ({
      facilityId: e.facility_id,
      occurredAt: e.occurred_at,
      receivedAt: e.recorded_at.toISOString(),
    })),
    period,
    now.toISOString(),
  );
}
