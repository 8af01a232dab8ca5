import type { StockEvent } from '../model';
import { countDelta } from './count-reconciliation';

/**
 * Counts that wait for a supervisor (DOMAIN.md §6, issue 13 point 6).
 *
 * A count outside the tolerance, taken when no supervisor is at hand, is recorded as it was
 * counted but does not change the stock: a `count` event with the reason `awaiting-approval`.
 * Later a supervisor decides it, once, by one of two events that share one id derived from the
 * pending count's (`decisionIdFor`):
 * - approve: a `count` event with the reason `count-approved` and the same counted and expected
 *   quantities, whose effect is the pending count's counted − expected;
 * - send back: a `reversal` of the pending count (which had no effect, so nothing moves).
 *
 * Sharing one id is what makes "decided once" hold across PCs that decide offline: a second
 * decision is a second version of the same event, which the fold keeps one of and reports as a
 * conflicting duplicate for a person, never as two stock changes.
 */

export const COUNT_AWAITING_APPROVAL = 'awaiting-approval';
export const COUNT_APPROVED = 'count-approved';
export const COUNT_REASONS: readonly string[] = [COUNT_AWAITING_APPROVAL, COUNT_APPROVED];

const DECISION_SUFFIX = ':decision';

/** The one id any decision on this pending count carries. */
export const decisionIdFor = (pendingCountId: string): string =>
  `${pendingCountId}${DECISION_SUFFIX}`;

/** The pending count a decision id names, or undefined for any other id. */
export function pendingIdOfDecision(id: string): string | undefined {
  return id.endsWith(DECISION_SUFFIX) ? id.slice(0, -DECISION_SUFFIX.length) : undefined;
}

export const isPendingCount = (e: Pick<StockEvent, 'type' | 'reason'>): boolean =>
  e.type === 'count' && e.reason === COUNT_AWAITING_APPROVAL;

export const isCountApproval = (e: Pick<StockEvent, 'type' | 'reason'>): boolean =>
  e.type === 'count' && e.reason === COUNT_APPROVED;

/** One line of the supervisor's queue: what the ledger said, what was counted, and the cost. */
export interface CountReviewLine {
  pending: StockEvent;
  book: number;
  counted: number;
  variance: number;
  /** variance × unit cost, when the item has a cost. */
  value: number | undefined;
}

/**
 * The counts still waiting for a decision, oldest first. `events` may hold any events; those that
 * are not pending counts, and pending counts already decided (a decision id is among `eventIds`),
 * are left out.
 */
export function countReviewQueue(
  events: Iterable<StockEvent>,
  eventIds: ReadonlySet<string>,
  unitCostOf: (itemId: string) => number | undefined,
): CountReviewLine[] {
  const lines: CountReviewLine[] = [];
  for (const pending of events) {
    if (!isPendingCount(pending) || eventIds.has(decisionIdFor(pending.id))) continue;
    const variance = countDelta(pending);
    const cost = unitCostOf(pending.itemId);
    lines.push({
      pending,
      book: pending.expectedQuantity ?? 0,
      counted: pending.countedQuantity ?? 0,
      variance,
      value: cost === undefined ? undefined : Math.round(variance * cost * 100) / 100,
    });
  }
  return lines.sort(
    (a, b) =>
      a.pending.occurredAt.localeCompare(b.pending.occurredAt) ||
      a.pending.id.localeCompare(b.pending.id),
  );
}

type DecisionDraft = Omit<
  StockEvent,
  'id' | 'facilityId' | 'deviceId' | 'deviceSeq' | 'actorId' | 'occurredAt' | 'approvedBy'
>;

const place = (pending: StockEvent) => ({
  itemId: pending.itemId,
  lotCode: pending.lotCode,
  locationId: pending.locationId,
  ...(pending.expiry !== undefined ? { expiry: pending.expiry } : {}),
  ...(pending.serial !== undefined ? { serial: pending.serial } : {}),
  ...(pending.countSessionId !== undefined ? { countSessionId: pending.countSessionId } : {}),
});

/** The approval of a pending count: its change, made now, by whoever decides. */
export function approvalOf(pending: StockEvent, note?: string): DecisionDraft {
  return {
    type: 'count',
    ...place(pending),
    quantity: 0,
    countedQuantity: pending.countedQuantity ?? 0,
    expectedQuantity: pending.expectedQuantity ?? 0,
    reason: COUNT_APPROVED,
    ...(note ? { note } : {}),
  };
}

/** Sending a pending count back: it never changes the stock; the note says why (a recount). */
export function sendBackOf(pending: StockEvent, note: string): DecisionDraft {
  return { type: 'reversal', ...place(pending), quantity: 0, reverses: pending.id, note };
}

export type DecisionProblemCode =
  'COUNT_NOT_PENDING' | 'COUNT_ALREADY_DECIDED' | 'COUNT_DECISION_MISMATCH' | 'COUNT_DECISION_ID';

/**
 * Whether `decision` may decide the pending count it names: the pending count exists here, is
 * still undecided, and the approval repeats its quantities and place. Who may decide is the
 * permission model's (`stock.count-approval`, never the person who counted).
 */
export function decisionProblem(
  decision: StockEvent,
  pending: StockEvent | undefined,
  alreadyDecided: boolean,
): { code: DecisionProblemCode; message: string } | undefined {
  const pendingId = pendingIdOfDecision(decision.id);
  if (pendingId === undefined) {
    return {
      code: 'COUNT_DECISION_ID',
      message: `An approval or send-back of a count must carry the id "<count id>${DECISION_SUFFIX}": decide it from the count approvals queue.`,
    };
  }
  if (!pending || !isPendingCount(pending) || pending.id !== pendingId) {
    return {
      code: 'COUNT_NOT_PENDING',
      message: `There is no count awaiting approval with the id ${pendingId} here: refresh the queue.`,
    };
  }
  if (alreadyDecided) {
    return {
      code: 'COUNT_ALREADY_DECIDED',
      message: 'This count has already been approved or sent back: refresh the queue.',
    };
  }
  const same =
    decision.itemId === pending.itemId &&
    decision.lotCode === pending.lotCode &&
    decision.locationId === pending.locationId &&
    (decision.type === 'reversal'
      ? decision.reverses === pending.id
      : isCountApproval(decision) &&
        decision.countedQuantity === pending.countedQuantity &&
        decision.expectedQuantity === pending.expectedQuantity);
  return same
    ? undefined
    : {
        code: 'COUNT_DECISION_MISMATCH',
        message:
          'An approval must repeat the pending count exactly (place, lot, counted and expected quantities): decide it from the count approvals queue.',
      };
}

/**
 * A pending count is withdrawn only by its send-back, which carries the decision id: a reversal
 * under any other id would leave the count in the queue, approvable, looking undecided.
 */
export function reversalOfPendingProblem(
  reversal: Pick<StockEvent, 'id' | 'type' | 'reverses'>,
  target: StockEvent | undefined,
): { code: 'COUNT_SEND_BACK_FROM_QUEUE'; message: string } | undefined {
  if (reversal.type !== 'reversal' || !target || !isPendingCount(target)) return undefined;
  return pendingIdOfDecision(reversal.id) === target.id
    ? undefined
    : {
        code: 'COUNT_SEND_BACK_FROM_QUEUE',
        message:
          'This count is waiting for a supervisor: send it back from the count approvals queue instead of reversing it.',
      };
}
