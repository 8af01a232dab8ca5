import type { FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import {
  escalationRefusal,
  handEscalationStanding,
  manualEscalation,
  type ConsoleRole,
  type EscalationRefusal,
  type EscalationRefusalCode,
  type HandEscalation,
} from '../../shared/console';
import type { SupplyRequest } from '../../shared/model';
import { serviceLevelsOf } from '../../shared/replenishment/service-levels';
import type { Database } from '../db/schema';
import { HttpError } from '../http/errors';
import { storeIdempotentAnswer } from '../http/idempotency';
import { storedPolicy } from '../store/approval-policies';
import { findDocuments } from '../store/documents';
import { REQUEST_ESCALATED_EVENT } from '../webhooks/event-types';
import { enqueueWebhooks } from '../webhooks/outbox';
import { erpEscalationsOf } from './erp-escalations';

const STATUS_OF: Record<EscalationRefusalCode, number> = {
  ROLE_NOT_PERMITTED: 403,
  REQUEST_NOT_OPEN: 409,
  REQUEST_ALREADY_ESCALATED: 409,
  REASON_REQUIRED: 422,
  REASON_TOO_LONG: 422,
};

function refused(error: EscalationRefusal): HttpError {
  return new HttpError(
    STATUS_OF[error.code],
    error.code,
    error.message,
    undefined,
    error.escalation ? { escalation: error.escalation } : undefined,
  );
}

/**
 * A buyer escalates a request to the ERP by hand (shared/console/request-escalation.ts decides):
 * in one transaction, the ERP rung of the clock the request is on is recorded with who and why,
 * the `supply_request.escalated` webhook is queued, and the answer is kept for the
 * Idempotency-Key. The rung's key is the sweep's: if the clock took it first (another process,
 * this very moment), the insert makes nothing and the buyer is told who did, with nothing stored;
 * once taken by hand, the sweep's insert makes nothing and it sends no second webhook.
 */
export async function escalateByHand(
  db: Kysely<Database>,
  request: FastifyRequest,
  requestId: string,
  input: { role: ConsoleRole; by: string; reason: string; now: Date },
): Promise<HandEscalation> {
  return db.transaction().execute(async (trx) => {
    // Locked (FOR UPDATE) for the transaction: a step taken meanwhile waits for this decision.
    const stored = (await findDocuments(trx, 'supply_requests', [requestId])).get(requestId);
    if (!stored || stored.deleted) {
      throw new HttpError(404, 'REQUEST_UNKNOWN', `There is no supply request "${requestId}".`);
    }
    const supply = stored.body as SupplyRequest;
    const recorded = (await erpEscalationsOf(trx, [requestId])).get(requestId) ?? [];
    const decided = manualEscalation({
      role: input.role,
      request: supply,
      recorded,
      reason: input.reason,
    });
    if (!decided.ok) throw refused(decided.error);
    const { clock, reason } = decided.value;
    const made = await trx
      .insertInto('request_escalations')
      .values({
        request_id: requestId,
        clock,
        rung: 'erp',
        facility_id: supply.facilityId,
        escalated_by: input.by,
        reason,
      })
      .onConflict((c) => c.columns(['request_id', 'clock', 'rung']).doNothing())
      .returning('reached_at')
      .executeTakeFirst();
    if (!made) {
      // Taken since the read above (the clock's sweep, or another buyer): say by whom.
      const taken = (await erpEscalationsOf(trx, [requestId])).get(requestId) ?? [];
      const refusal = escalationRefusal({ role: input.role, request: supply, recorded: taken });
      throw refused(
        refusal ?? {
          code: 'REQUEST_ALREADY_ESCALATED',
          message: `Request ${requestId} was already escalated to the ERP.`,
        },
      );
    }
    const levels = serviceLevelsOf(await storedPolicy(trx, supply.facilityId));
    const standing = handEscalationStanding(
      supply,
      levels,
      { by: input.by, reason },
      input.now.toISOString(),
    );
    await enqueueWebhooks(trx, [
      {
        eventType: REQUEST_ESCALATED_EVENT,
        payload: {
          requestId,
          facilityId: supply.facilityId,
          priority: supply.priority,
          status: supply.status,
          locationId: supply.locationId,
          rung: 'erp',
          ...standing,
          manual: true,
          by: input.by,
          reason,
        },
      },
    ]);
    const answer: HandEscalation = {
      requestId,
      clock,
      rung: 'erp',
      at: new Date(made.reached_at).toISOString(),
      by: input.by,
      reason,
      manual: true,
    };
    await storeIdempotentAnswer(trx, request, 201, answer);
    return answer;
  });
}
