import { sql, type Transaction } from 'kysely';
import type { AnomalyDecision } from '../../shared/model';
import type { Database } from '../db/schema';
import { anomalyCondition } from './exception-sources';

/** How a stockroom's decision reads in the console's history of the item. */
export function anomalyDecisionComment(decision: AnomalyDecision): string {
  const verb = decision.decision === 'confirmed' ? 'Confirmed' : 'Dismissed';
  return `${verb} at the stockroom (PC ${decision.deviceId}): ${decision.note.trim()}`;
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
  const condition = anomalyCondition(decision.facilityId, decision, now);
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
      comment: anomalyDecisionComment(decision),
    })
    .execute();
}
