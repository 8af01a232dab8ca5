import type { Kysely } from 'kysely';
import {
  conditionId,
  escalatedRequestSubject,
  escalatedRequestSummary,
  pcConcerns,
  QUIET_AFTER_MS,
  refusedPushSummary,
  type EscalatedRequestLadder,
  type ExceptionKind,
} from '../../shared/console';
import type { ServiceLevel } from '../../shared/model';
import {
  escalationLadder,
  LADDER_RUNGS,
  type LadderClock,
} from '../../shared/replenishment/escalation-ladder';
import type { Database } from '../db/schema';
import { openRequestsWithLevels } from '../escalation/escalation-sweep';
import { documentNames } from '../store/document-names';
import { recallIssueFlags, type RecallIssueFlag } from '../store/recall-issue-flags';
import { sequenceGapsSeenIn } from '../store/sync-health';
import { pcHealth } from './pc-health';
import { pcWords, queueNames, recordWords, utcMinute, type QueueNames } from './queue-names';
import { unusualUsage } from './usage-flag-conditions';

/** One condition that needs a person, as found where it is stored. */
export interface Condition {
  id: string;
  kind: ExceptionKind;
  facilityId: string | null;
  summary: string;
  /** An escalated request's: what the console needs to count its wait on. */
  ladder?: EscalatedRequestLadder;
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
 * that goes away (a gap filled, a letter replayed) leaves the queue by itself. Each is said for a
 * buyer at the console: facilities, PCs, items and people by name, and what they can do about it.
 */
export async function currentConditions(db: Kysely<Database>, now: Date): Promise<Condition[]> {
  const { names, facilityIds: facilities } = await queueNames(db);
  const groups = await Promise.all([
    integrityAlarms(db, names),
    refusedPushes(db, names),
    sequenceGaps(db, facilities, names),
    recalledLotsIssued(db, facilities, names),
    escalatedRequests(db, now, names),
    deadLetters(db),
    quietPcs(db, now, names),
    unusualUsage(db, facilities, now, names),
  ]);
  return groups.flat();
}

async function integrityAlarms(db: Kysely<Database>, names: QueueNames): Promise<Condition[]> {
  const rows = await db.selectFrom('integrity_alarms').selectAll().orderBy('id').execute();
  return rows.map((r) => {
    const from = r.device_id ? names.pc(r.device_id) : 'A PC';
    const at = r.facility_id ? ` at ${names.facility(r.facility_id)}` : '';
    return {
      id: conditionId('integrity-alarm', r.id),
      kind: 'integrity-alarm',
      facilityId: r.facility_id,
      summary: `${from}${at} sent ${recordWords(r.collection, r.doc_id)} again with different content. The centre kept the version it already had and set the other aside. A record is never changed once sent: ask the stockroom whether the PC was restored from a backup or copied, and call support to compare the two versions.`,
      detectedAt: r.detected_at.toISOString(),
    };
  });
}

async function refusedPushes(db: Kysely<Database>, names: QueueNames): Promise<Condition[]> {
  const rows = await db
    .selectFrom('audit_log as a')
    .leftJoin('devices as d', 'd.id', 'a.actor_id')
    .select(['a.id', 'a.at', 'a.actor_id', 'a.detail', 'd.facility_id'])
    .where('a.actor_type', '=', 'device')
    .where('a.action', '=', PUSH_ACTION)
    .where('a.outcome', '=', 'refused')
    .orderBy('a.id', 'desc')
    .limit(REFUSALS_READ)
    .execute();
  return rows.map((r) => {
    const detail = (r.detail ?? {}) as {
      collection?: string;
      refused?: { documentId?: string; code?: string };
    };
    const facilityId = r.facility_id;
    const deviceId = r.actor_id ?? 'unknown';
    // The refusal's own message is the PC's, for its user ("sign in with your own badge"): the
    // queue says it in a buyer's words, and the audit line keeps the PC's.
    return {
      id: conditionId('push-refused', r.id),
      kind: 'push-refused',
      facilityId,
      summary: refusedPushSummary({
        pc: names.pc(deviceId),
        facility: facilityId ? names.facility(facilityId) : 'an unknown facility',
        what: detail.refused?.documentId
          ? recordWords(detail.collection, detail.refused.documentId)
          : undefined,
        code: detail.refused?.code,
        deviceId,
      }),
      detectedAt: new Date(r.at).toISOString(),
    };
  });
}

async function sequenceGaps(
  db: Kysely<Database>,
  facilities: string[],
  names: QueueNames,
): Promise<Condition[]> {
  return (await sequenceGapsSeenIn(db, facilities)).map((gap) => {
    const range = gap.from === gap.to ? `${gap.from}` : `${gap.from} to ${gap.to}`;
    const events = gap.from === gap.to ? 'stock event' : 'stock events';
    return {
      id: conditionId('sequence-gap', gap.deviceId, `${gap.from}-${gap.to}`),
      kind: 'sequence-gap',
      facilityId: gap.facilityId,
      summary: `${names.pc(gap.deviceId)} at ${names.facility(gap.facilityId)}: its ${events} number ${range} never reached the centre, while later ones did, so the centre's stock figures there may lack those movements. Ask the stockroom to keep the PC switched on and connected so it sends them; if the PC was reset or replaced, they may be lost: call support.`,
      detectedAt: gap.seenAt.toISOString(),
    };
  });
}

async function recalledLotsIssued(
  db: Kysely<Database>,
  facilities: string[],
  names: QueueNames,
): Promise<Condition[]> {
  const flags: { facilityId: string; flag: RecallIssueFlag }[] = [];
  for (const facilityId of facilities) {
    for (const flag of await recallIssueFlags(db, facilityId)) {
      if (!flag.reversed) flags.push({ facilityId, flag });
    }
  }
  if (flags.length === 0) return [];
  const named = names.with(
    await documentNames(db, {
      items: flags.map(({ flag }) => flag.itemId),
      users: flags.map(({ flag }) => flag.actorId),
    }),
  );
  return flags.map(({ facilityId, flag }) => {
    const lot = flag.lotCode.trim() ? `lot ${flag.lotCode.trim()}` : 'with no lot';
    const to = flag.department ? ` to ${flag.department}` : '';
    return {
      id: conditionId('recalled-lot-issued', flag.noticeId, flag.eventId),
      kind: 'recalled-lot-issued',
      facilityId,
      summary: `Recall ${flag.number}: ${flag.quantity} × ${named.item(flag.itemId)} ${lot} issued${to} after the recall took effect, at ${named.facility(facilityId)} by ${named.person(flag.actorId)} on ${named.pc(flag.deviceId)} (which had probably not heard of the recall yet). Make sure the stockroom finds the units and brings them back to quarantine; if the issue was recorded by mistake, they reverse it on the PC.`,
      detectedAt: flag.occurredAt,
    };
  });
}

/** The minutes of one rung on `clock` (the ladder only reaches here with a level to climb). */
function windowOf(level: ServiceLevel | undefined, clock: LadderClock): number {
  if (!level) return 1;
  return clock === 'deliver' ? level.deliverMinutes : level.acknowledgeMinutes;
}

/**
 * Requests at the ladder's exception-queue rung or above (shared/replenishment/escalation-ladder),
 * under their facility's service levels: the same verdict the PC shows from its own clock.
 */
async function escalatedRequests(
  db: Kysely<Database>,
  now: Date,
  names: QueueNames,
): Promise<Condition[]> {
  const late = [];
  for (const { request, levels } of await openRequestsWithLevels(db)) {
    const state = escalationLadder(request, levels, now.toISOString());
    if (state && state.step >= EXCEPTION_STEP) late.push({ request, levels, state });
  }
  if (late.length === 0) return [];
  // A buyer knows a request by what it asks for, as the Requests screen shows it.
  const named = names.with(
    await documentNames(db, {
      items: late.flatMap(({ request }) => request.lines.map((l) => l.itemId)),
    }),
  );
  return late.map(({ request, levels, state }) => {
    const ladder: EscalatedRequestLadder = {
      subject: `${escalatedRequestSubject(request.priority, request.id, names.facility(request.facilityId))} for ${linesInWords(request.lines, named)}`,
      clock: state.clock,
      rung: state.rung,
      startedAt: state.startedAt,
      windowMinutes: windowOf(levels[request.priority], state.clock),
    };
    return {
      // One condition per clock: a request late to be acknowledged and later late to arrive is
      // two things for a person to look at.
      id: conditionId('request-escalated', request.id, state.clock),
      kind: 'request-escalated' as const,
      facilityId: request.facilityId,
      summary: escalatedRequestSummary(ladder, now),
      ladder,
      detectedAt: state.dueAt,
    };
  });
}

/** The lines a buyer reads in a sentence; a long request names its first few and counts the rest. */
const LINES_NAMED = 5;
function linesInWords(
  lines: readonly { itemId: string; quantity: number }[],
  named: QueueNames,
): string {
  const words = lines.slice(0, LINES_NAMED).map((l) => `${l.quantity} × ${named.item(l.itemId)}`);
  const more = lines.length - LINES_NAMED;
  return more > 0
    ? `${words.join(', ')} and ${more} more line${more === 1 ? '' : 's'}`
    : words.join(', ');
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
    summary: `The centre could not deliver ${r.event_type} to ${r.url}, even after every retry (${r.last_error ?? r.last_status ?? 'no answer'}): the system there has not heard of it. Ask an administrator to have the receiving system fixed, then replay the message from the Integration screen.`,
    detectedAt: r.updated_at.toISOString(),
  }));
}

async function quietPcs(db: Kysely<Database>, now: Date, names: QueueNames): Promise<Condition[]> {
  const { pcs } = await pcHealth(db, {});
  return pcs
    .filter((pc) => pcConcerns(pc, now).includes('quiet'))
    .map((pc) => {
      const heard = pc.lastContactAt ?? pc.enrolledAt;
      const since = pc.lastContactAt ? 'since' : 'since it was enrolled on';
      return {
        // Heard from again and quiet again later is a new condition.
        id: conditionId('pc-quiet', pc.deviceId, Date.parse(heard)),
        kind: 'pc-quiet',
        facilityId: pc.facilityId,
        summary: `${pcWords(pc.deviceId, pc.name)} at ${names.facility(pc.facilityId)} has not been in touch with the centre ${since} ${utcMinute(heard)}: what was recorded on it since has not reached the centre, and it has not received the centre's news (recalls, requests' progress). Ask the stockroom whether the PC is switched on and connected.`,
        detectedAt: new Date(Date.parse(heard) + QUIET_AFTER_MS).toISOString(),
      };
    });
}
