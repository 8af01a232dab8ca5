import { countApprovalNeed } from '../inventory/adjustment-approval';
import { isCountApproval, isPendingCount, pendingIdOfDecision } from '../inventory/count-review';
import { DEFAULT_COUNT_TOLERANCE, type CountTolerance } from '../inventory/count-reconciliation';
import type { StockEvent } from '../model';
import { stockAct, type Act } from './acts';
import { reversalAct } from './reversal-act';

/**
 * The act a stock event is, and whether its quantities need a second person. A count changes the
 * stock by counted − expected; an adjustment by its delta against what the ledger said then
 * (`expectedQuantity`, which the PC's writer fills in). An adjustment that does not say what the
 * ledger said is judged as if the ledger said 0, so any change needs the second person.
 */
export function stockEventAct(
  event: Pick<StockEvent, 'type' | 'countedQuantity' | 'expectedQuantity' | 'delta'> &
    Partial<Pick<StockEvent, 'id' | 'reason' | 'locationId' | 'itemId' | 'lotCode'>>,
  options: { reversedChain?: readonly StockEvent[]; tolerance?: CountTolerance } = {},
): { act: Act; needsSecond: boolean } {
  const tolerance = options.tolerance ?? DEFAULT_COUNT_TOLERANCE;
  // Deciding a pending count is the supervisor's act, whoever counted; the pending count itself
  // changes nothing, so it needs no second person until it is decided.
  if (isCountDecision(event)) return { act: 'stock.count-approval', needsSecond: false };
  if (isPendingCount(event)) return { act: 'stock.count', needsSecond: false };
  if (event.type === 'reversal') return reversalAct(event, options.reversedChain ?? [], tolerance);
  const act = stockAct(event.type);
  const place = {
    locationId: event.locationId ?? '',
    itemId: event.itemId ?? '',
    lotCode: event.lotCode ?? '',
  };
  if (event.type === 'count') {
    const { needed } = countApprovalNeed(
      {
        ...place,
        countedQuantity: event.countedQuantity ?? 0,
        expectedQuantity: event.expectedQuantity ?? 0,
      },
      tolerance,
    );
    return { act, needsSecond: needed };
  }
  if (event.type === 'adjust') {
    const expected = event.expectedQuantity ?? 0;
    const { needed } = countApprovalNeed(
      { ...place, expectedQuantity: expected, countedQuantity: expected + (event.delta ?? 0) },
      tolerance,
    );
    return { act, needsSecond: needed };
  }
  return { act, needsSecond: false };
}

/** An approval of a pending count, or a send-back (a reversal carrying the decision id). */
export function isCountDecision(
  event: Partial<Pick<StockEvent, 'id' | 'type' | 'reason'>>,
): boolean {
  if (event.type === 'count') return isCountApproval({ type: 'count', reason: event.reason });
  return (
    event.type === 'reversal' &&
    event.id !== undefined &&
    pendingIdOfDecision(event.id) !== undefined
  );
}
