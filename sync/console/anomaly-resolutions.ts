import { sql, type Kysely, type Transaction } from 'kysely';
import { anomalyFlagId } from '../../shared/indicators/anomaly-flags';
import {
  CENTRE_DECISION_DEVICE,
  type AnomalyDecision,
  type AnomalyDecisionOutcome,
} from '../../shared/model';
import type { Database } from '../db/schema';
import { jsonb } from '../store/json';
import { anomalyNames } from './queue-names';
import { anomalyCondition, facilityUsageFlags } from './usage-flag-conditions';

/** The advisory lock namespace of decisions on one flag ('ANOM'). */
const FLAG_LOCK = 0x41_4e_4f_4d;

/**
 * Both places that decide a flag (a PC's decision arriving, a buyer resolving it in the console)
 * take this first, so they are ordered: without it, one holds the decision's key while waiting
 * for the queue item's row the other holds, and PostgreSQL aborts one of them as a deadlock.
 */
export async function lockFlag(trx: Transaction<Database>, flagId: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(${FLAG_LOCK}, hashtext(${flagId}))`.execute(trx);
}

/** A stored decision, as the same row whichever side made it. */
export function insertDecision(trx: Transaction<Database>, decision: AnomalyDecision, now: Date) {
  return trx
    .insertInto('anomaly_decisions')
    .values({
      id: decision.id,
      facility_id: decision.facilityId,
      device_id: decision.deviceId,
      flag_date: decision.date,
      decision: decision.decision,
      decided_by: decision.decidedBy,
      doc: jsonb(decision),
      recorded_at: now,
    })
    .onConflict((oc) => oc.column('id').doNothing())
    .returning('id')
    .executeTakeFirst();
}

/**
 * The decision a buyer's resolution of a usage flag makes, for the stockroom to see on its
 * dashboard; undefined when the flag has left the week's window (the PC no longer shows it, so
 * the queue's history alone keeps the resolution).
 */
export async function centreDecision(
  db: Kysely<Database>,
  input: {
    flagId: string;
    facilityId: string;
    outcome: AnomalyDecisionOutcome;
    note: string;
    actor: { username: string; name: string };
  },
  now: Date,
): Promise<AnomalyDecision | undefined> {
  const flags = await facilityUsageFlags(db, input.facilityId, now);
  const flag = flags.find((f) => anomalyFlagId(input.facilityId, f) === input.flagId);
  if (!flag) return undefined;
  return {
    id: input.flagId,
    facilityId: input.facilityId,
    deviceId: CENTRE_DECISION_DEVICE,
    kind: flag.kind,
    date: flag.date,
    itemId: flag.itemId,
    locationId: flag.locationId,
    ...(flag.actorId !== undefined ? { actorId: flag.actorId } : {}),
    explanation: flag.explanation,
    decision: input.outcome,
    note: input.note,
    decidedBy: CENTRE_DECISION_DEVICE,
    decidedAt: now.toISOString(),
    centre: { username: input.actor.username, name: input.actor.name },
  };
}

/**
 * How a decision reads in the console's history of the item; a stockroom's names its PC as the
 * queue does (`pc`: `PC “Ward 9 PC”`).
 */
export function anomalyDecisionComment(decision: AnomalyDecision, pc?: string): string {
  const verb = decision.decision === 'confirmed' ? 'Confirmed' : 'Dismissed';
  const where = decision.centre
    ? 'at the centre'
    : `at the stockroom (${pc ?? `PC ${decision.deviceId}`})`;
  return `${verb} ${where}: ${decision.note.trim()}`;
}

/**
 * A decision made on a stockroom PC resolves the flag's item in the console's exception queue, in
 * the transaction that stores the decision: the item (made if nobody had touched it) is resolved,
 * and its history gains the step, by the person who decided, with their note. An item a buyer had
 * already resolved stays theirs; the stockroom's step is added to its history all the same.
 */
export async function resolveFromStockroom(
  trx: Transaction<Database>,
  decision: AnomalyDecision,
  now: Date,
): Promise<void> {
  const names = await anomalyNames(trx, decision.facilityId, decision, decision.deviceId);
  const condition = anomalyCondition(decision.facilityId, decision, now, names);
  await trx
    .insertInto('exceptions')
    .values({
      condition_id: condition.id,
      kind: condition.kind,
      facility_id: condition.facilityId,
      summary: condition.summary,
      detected_at: condition.detectedAt,
      state: 'resolved',
      owner: decision.decidedBy,
      updated_at: now,
    })
    .onConflict((oc) =>
      oc.column('condition_id').doUpdateSet({
        state: 'resolved',
        owner: sql<string>`case when exceptions.state = 'resolved' then exceptions.owner else excluded.owner end`,
        updated_at: now,
      }),
    )
    .execute();
  await trx
    .insertInto('exception_steps')
    .values({
      condition_id: condition.id,
      step: 'resolved',
      actor: decision.decidedBy,
      at: now,
      comment: anomalyDecisionComment(decision, names.pc(decision.deviceId)),
    })
    .execute();
}
