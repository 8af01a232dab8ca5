import type { Kysely } from 'kysely';
import { anomalyFlagId, anomalyWindow } from '../../shared/indicators/anomaly-flags';
import {
  DEFAULT_ANOMALY_OPTIONS,
  explanationNaming,
  type UsageAnomaly,
} from '../../shared/indicators/usage-anomaly';
import { anomaliesOfTotals } from '../../shared/indicators/usage-day-totals';
import type { Database } from '../db/schema';
import { documentNames } from '../store/document-names';
import type { Condition } from './exception-sources';
import type { QueueNames } from './queue-names';

/**
 * One usage anomaly flag as a condition of the queue: its id is the flag's (shared), so a decision
 * made on a stockroom PC names it (sync/console/anomaly-resolutions.ts resolves it with that
 * decision). Seen at the day's end, or now while that day is still going. Its summary says the
 * item, the place and the facility by name before the first ": ", then the flag's explanation.
 */
export function anomalyCondition(
  facilityId: string,
  flag: Pick<UsageAnomaly, 'kind' | 'itemId' | 'locationId' | 'actorId' | 'date' | 'explanation'>,
  now: Date,
  names: QueueNames,
): Condition {
  return {
    id: anomalyFlagId(facilityId, flag),
    kind: 'usage-anomaly',
    facilityId,
    summary: `${names.item(flag.itemId)} at ${names.location(flag.locationId)}, ${names.facility(facilityId)}: ${explanationNaming(flag, (id) => names.person(id))}`,
    detectedAt: new Date(
      Math.min(Date.parse(`${flag.date}T23:59:59.000Z`), now.getTime()),
    ).toISOString(),
  };
}

/**
 * Usage anomaly flags (shared/indicators/usage-anomaly.ts) of the last week, per facility: a flag
 * never acts by itself; a buyer confirms or dismisses it by resolving it with a note, or a
 * stockroom supervisor decides it on the PC; either way the queue keeps the note and the audit log
 * records the step.
 */
export async function unusualUsage(
  db: Kysely<Database>,
  facilities: readonly string[],
  now: Date,
  names: QueueNames,
): Promise<Condition[]> {
  const flags: { facilityId: string; flag: UsageAnomaly }[] = [];
  for (const facilityId of facilities) {
    for (const flag of await facilityUsageFlags(db, facilityId, now)) {
      flags.push({ facilityId, flag });
    }
  }
  if (flags.length === 0) return [];
  const named = names.with(
    await documentNames(db, {
      items: flags.map(({ flag }) => flag.itemId),
      locations: flags.map(({ flag }) => flag.locationId),
      users: flags.flatMap(({ flag }) => (flag.actorId === undefined ? [] : [flag.actorId])),
    }),
  );
  return flags.map(({ facilityId, flag }) => anomalyCondition(facilityId, flag, now, named));
}

/**
 * One facility's usage anomaly flags of the last week, from the usage totals the write path keeps
 * (a row per day, place, item and person, not every event of thirteen weeks).
 */
export async function facilityUsageFlags(
  db: Kysely<Database>,
  facilityId: string,
  now: Date,
): Promise<UsageAnomaly[]> {
  const days = anomalyWindow(Math.floor(now.getTime() / 86_400_000));
  const rows = await db
    .selectFrom('usage_day_totals')
    .select(['day', 'location_id', 'item_id', 'actor_id', 'units'])
    .where('facility_id', '=', facilityId)
    .where('day', '>=', days.from - 7 * DEFAULT_ANOMALY_OPTIONS.baselineWeeks)
    .where('day', '<=', days.to)
    .execute();
  return anomaliesOfTotals(
    rows.map((r) => ({
      day: Number(r.day),
      locationId: r.location_id,
      itemId: r.item_id,
      actorId: r.actor_id,
      units: Number(r.units),
    })),
    days,
  );
}
