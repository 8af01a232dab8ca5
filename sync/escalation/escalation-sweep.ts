import { sql, type Kysely } from 'kysely';
import type { SupplyRequest } from '../../shared/model';
import {
  escalationLadder,
  LADDER_RUNGS,
  type LadderState,
} from '../../shared/replenishment/escalation-ladder';
import { serviceLevelsOf } from '../../shared/replenishment/service-levels';
import type { Database } from '../db/schema';
import { storedPolicy } from '../store/approval-policies';
import { REQUEST_ESCALATED_EVENT } from '../webhooks/event-types';
import { enqueueWebhooks } from '../webhooks/outbox';

type Levels = ReturnType<typeof serviceLevelsOf>;

/** Open requests (a received, rejected or cancelled one is off the ladder), with their facility's levels. */
export async function openRequestsWithLevels(
  db: Kysely<Database>,
): Promise<{ request: SupplyRequest; levels: Levels }[]> {
  const rows = await db
    .selectFrom('documents')
    .select('doc')
    .where('collection', '=', 'supply_requests')
    .where('deleted', '=', false)
    .where(sql<boolean>`doc->>'status' not in ('draft', 'received', 'rejected', 'cancelled')`)
    // The id breaks ties: requests made in one instant come back in one order on every read.
    .orderBy(sql`doc->>'createdAt'`)
    .orderBy('id')
    .execute();
  const levels = new Map<string, Levels>();
  const found: { request: SupplyRequest; levels: Levels }[] = [];
  for (const row of rows) {
    const request = row.doc as unknown as SupplyRequest;
    let facilityLevels = levels.get(request.facilityId);
    if (!facilityLevels) {
      facilityLevels = serviceLevelsOf(await storedPolicy(db, request.facilityId));
      levels.set(request.facilityId, facilityLevels);
    }
    found.push({ request, levels: facilityLevels });
  }
  return found;
}

function escalatedPayload(request: SupplyRequest, state: LadderState): Record<string, unknown> {
  return {
    requestId: request.id,
    facilityId: request.facilityId,
    priority: request.priority,
    status: request.status,
    locationId: request.locationId,
    clock: state.clock,
    rung: state.rung,
    submittedAt: state.startedAt,
    dueAt: state.dueAt,
    minutesWaiting: state.minutesWaiting,
    message: state.message,
    // A buyer's escalation by hand says true, with who and why (hand-escalation.ts).
    manual: false,
  };
}

/**
 * Records every rung each open request has reached at `now` and sends the ERP its
 * `supply_request.escalated` webhook at the last rung. A rung is inserted once (the table's key);
 * the webhook is queued in the same transaction, only by the insert that made the row, so two
 * endpoint processes sweeping at once, or a PC's late sync, never send it twice.
 */
export async function sweepEscalations(db: Kysely<Database>, now: Date): Promise<number> {
  let reported = 0;
  const late = (await openRequestsWithLevels(db)).flatMap(({ request, levels }) => {
    const state = escalationLadder(request, levels, now.toISOString());
    return state ? [{ request, state }] : [];
  });
  if (late.length === 0) return 0;
  // One read of what is already recorded: a request whose rungs are all there costs no write.
  const recorded = new Set(
    (
      await db
        .selectFrom('request_escalations')
        .select(['request_id', 'clock', 'rung'])
        .where(
          'request_id',
          'in',
          late.map((l) => l.request.id),
        )
        .execute()
    ).map((r) => `${r.request_id}|${r.clock}|${r.rung}`),
  );
  for (const { request, state } of late) {
    const rungs = LADDER_RUNGS.slice(0, state.step).filter(
      (rung) => !recorded.has(`${request.id}|${state.clock}|${rung}`),
    );
    if (rungs.length === 0) continue;
    await db.transaction().execute(async (trx) => {
      const made = await trx
        .insertInto('request_escalations')
        .values(
          rungs.map((rung) => ({
            request_id: request.id,
            clock: state.clock,
            rung,
            facility_id: request.facilityId,
          })),
        )
        .onConflict((c) => c.columns(['request_id', 'clock', 'rung']).doNothing())
        .returning('rung')
        .execute();
      if (made.some((row) => row.rung === 'erp')) {
        await enqueueWebhooks(trx, [
          { eventType: REQUEST_ESCALATED_EVENT, payload: escalatedPayload(request, state) },
        ]);
        reported += 1;
      }
    });
  }
  return reported;
}
