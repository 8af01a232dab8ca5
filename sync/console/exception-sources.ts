import type { Kysely } from 'kysely';
import { conditionId, pcConcerns, QUIET_AFTER_MS, type ExceptionKind } from '../../shared/console';
import { escalationLadder, LADDER_RUNGS } from '../../shared/replenishment/escalation-ladder';
import type { Database } from '../db/schema';
import { openRequestsWithLevels } from '../escalation/escalation-sweep';
import { DEFAULT_ANOMALY_OPTIONS, type UsageAnomaly } from '../../shared/indicators/usage-anomaly';
import { anomaliesOfTotals } from '../../shared/indicators/usage-day-totals';
import { anomalyFlagId, anomalyWindow } from '../../shared/indicators/anomaly-flags';
import { recallIssueFlags } from '../store/recall-issue-flags';
import { sequenceGapsSeen } from '../store/sync-health';
import { pcHealth } from './pc-health';

/** One condition that needs a person, as found where it is stored. */
export interface Condition {
  id: string;
  kind: ExceptionKind;
  facilityId: string | null;
  summary: string;
  detectedAt: string;
}

/** The ladder's rung from which a late request is in the console's exception queue. */
const EXCEPTION_STEP = LADDER_RUNGS.indexOf('exception-queue') + 1;

const PUSH_ACTION = 'POST /v1/replication/:collection/push';
/** The newest refused pushes read; older ones are long handled or already in the state table. */
const REFUSALS_READ = 1000;

/**
 * Every condition that needs a person now, read from where each is recorded: the integrity alarms,
 * the audit log's refused pushes, the stored events' sequence gaps, the recall flags, the supply
 * requests, the dead-lettered deliveries and the PCs' last contact. Nothing is copied: a condition
 * that goes away (a gap filled, a letter replayed) leaves the queue by itself.
 */
export async function currentConditions(db: Kysely<Database>, now: Date): Promise<Condition[]> {
  const facilities = (await db.selectFrom('facilities').select('id').orderBy('id').execute()).map(
    (f) => f.id,
  );
  const groups = await Promise.all([
    integrityAlarms(db),
    refusedPushes(db),
    sequenceGaps(db, facilities),
    recalledLotsIssued(db, facilities),
    escalatedRequests(db, now),
    deadLetters(db),
    quietPcs(db, now),
    unusualUsage(db, facilities, now),
  ]);
  return groups.flat();
}

async function integrityAlarms(db: Kysely<Database>): Promise<Condition[]> {
  const rows = await db.selectFrom('integrity_alarms').selectAll().orderBy('id').execute();
  return rows.map((r) => ({
    id: conditionId('integrity-alarm', r.id),
    kind: 'integrity-alarm',
    facilityId: r.facility_id,
    summary: `${r.collection}/${r.doc_id} arrived again from ${r.device_id ?? 'a PC'} with different content; the stored version was kept`,
    detectedAt: r.detected_at.toISOString(),
  }));
}

async function refusedPushes(db: Kysely<Database>): Promise<Condition[]> {
  const rows = await db
    .selectFrom('audit_log as a')
    .leftJoin('devices as d', 'd.id', 'a.actor_id')
    .select(['a.id', 'a.at', 'a.actor_id', 'a.status', 'a.detail', 'd.facility_id'])
    .where('a.actor_type', '=', 'device')
    .where('a.action', '=', PUSH_ACTION)
    .where('a.outcome', '=', 'refused')
    .orderBy('a.id', 'desc')
    .limit(REFUSALS_READ)
    .execute();
  return rows.map((r) => {
    const detail = (r.detail ?? {}) as {
      collection?: string;
      refused?: { documentId?: string; message?: string };
    };
    const what = detail.refused?.documentId
      ? `${detail.collection ?? 'a document'} ${detail.refused.documentId}`
      : `a push (${r.status ?? 'refused'})`;
    return {
      id: conditionId('push-refused', r.id),
      kind: 'push-refused',
      facilityId: r.facility_id,
      summary: `${r.actor_id}: ${what} refused${detail.refused?.message ? ` — ${detail.refused.message}` : ''}`,
      detectedAt: new Date(r.at).toISOString(),
    };
  });
}

async function sequenceGaps(db: Kysely<Database>, facilities: string[]): Promise<Condition[]> {
  const found: Condition[] = [];
  for (const facilityId of facilities) {
    for (const gap of await sequenceGapsSeen(db, facilityId)) {
      const range = gap.from === gap.to ? `${gap.from}` : `${gap.from}–${gap.to}`;
      found.push({
        id: conditionId('sequence-gap', gap.deviceId, `${gap.from}-${gap.to}`),
        kind: 'sequence-gap',
        facilityId,
        summary: `${gap.deviceId}: events ${range} never arrived`,
        detectedAt: gap.seenAt.toISOString(),
      });
    }
  }
  return found;
}

async function recalledLotsIssued(
  db: Kysely<Database>,
  facilities: string[],
): Promise<Condition[]> {
  const found: Condition[] = [];
  for (const facilityId of facilities) {
    for (const flag of await recallIssueFlags(db, facilityId)) {
      if (flag.reversed) continue;
      found.push({
        id: conditionId('recalled-lot-issued', flag.noticeId, flag.eventId),
        kind: 'recalled-lot-issued',
        facilityId,
        summary: `Recall ${flag.number}: ${flag.quantity} × ${flag.itemId} lot ${flag.lotCode || '—'} issued on ${flag.deviceId}. ${flag.message}`,
        detectedAt: flag.occurredAt,
      });
    }
  }
  return found;
}

/**
 * Requests at the ladder's exception-queue rung or above (shared/replenishment/escalation-ladder),
 * under their facility's service levels: the same verdict the PC shows from its own clock.
 */
async function escalatedRequests(db: Kysely<Database>, now: Date): Promise<Condition[]> {
  const found: Condition[] = [];
  for (const { request, levels } of await openRequestsWithLevels(db)) {
    const state = escalationLadder(request, levels, now.toISOString());
    if (!state || state.step < EXCEPTION_STEP) continue;
    found.push({
      // One condition per clock: a request late to be acknowledged and later late to arrive is
      // two things for a person to look at.
      id: conditionId('request-escalated', request.id, state.clock),
      kind: 'request-escalated',
      facilityId: request.facilityId,
      summary: `${request.priority.toUpperCase()} request ${request.id}: ${state.message}`,
      detectedAt: state.dueAt,
    });
  }
  return found;
}

/**
 * One usage anomaly flag as a condition of the queue: its id is the flag's (shared), so a decision
 * made on a stockroom PC names it (sync/console/anomaly-resolutions.ts resolves it with that
 * decision). Seen at the day's end, or now while that day is still going.
 */
export function anomalyCondition(
  facilityId: string,
  flag: Pick<UsageAnomaly, 'kind' | 'itemId' | 'locationId' | 'actorId' | 'date' | 'explanation'>,
  now: Date,
): Condition {
  return {
    id: anomalyFlagId(facilityId, flag),
    kind: 'usage-anomaly',
    facilityId,
    summary: `${flag.itemId} at ${flag.locationId}: ${flag.explanation}`,
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
async function unusualUsage(
  db: Kysely<Database>,
  facilities: readonly string[],
  now: Date,
): Promise<Condition[]> {
  const found: Condition[] = [];
  for (const facilityId of facilities) {
    for (const flag of await facilityUsageFlags(db, facilityId, now)) {
      found.push(anomalyCondition(facilityId, flag, now));
    }
  }
  return found;
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

async function deadLetters(db: Kysely<Database>): Promise<Condition[]> {
  const rows = await db
    .selectFrom('webhook_deliveries as d')
    .innerJoin('outbox as o', 'o.id', 'd.outbox_id')
    .innerJoin('webhook_endpoints as e', 'e.id', 'd.endpoint_id')
    .select(['d.id', 'd.updated_at', 'd.last_error', 'd.last_status', 'o.event_type', 'e.url'])
    .where('d.status', '=', 'dead')
    .orderBy('d.id')
    .limit(1000)
    .execute();
  return rows.map((r) => ({
    // A letter replayed and dead again is a new condition: its time of death is part of its id.
    id: conditionId('dead-letter', r.id, r.updated_at.getTime()),
    kind: 'dead-letter',
    facilityId: null,
    summary: `${r.event_type} to ${r.url} failed for good (${r.last_error ?? r.last_status ?? 'unknown'})`,
    detectedAt: r.updated_at.toISOString(),
  }));
}

async function quietPcs(db: Kysely<Database>, now: Date): Promise<Condition[]> {
  const { pcs } = await pcHealth(db, {});
  return pcs
    .filter((pc) => pcConcerns(pc, now).includes('quiet'))
    .map((pc) => {
      const heard = pc.lastContactAt ?? pc.enrolledAt;
      return {
        // Heard from again and quiet again later is a new condition.
        id: conditionId('pc-quiet', pc.deviceId, Date.parse(heard)),
        kind: 'pc-quiet',
        facilityId: pc.facilityId,
        summary: `${pc.name} (${pc.deviceId}) not heard from since ${heard}`,
        detectedAt: new Date(Date.parse(heard) + QUIET_AFTER_MS).toISOString(),
      };
    });
}
