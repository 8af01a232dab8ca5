import { countApprovalNeed } from '../inventory/adjustment-approval';
import { DEFAULT_COUNT_TOLERANCE, type CountTolerance } from '../inventory/count-reconciliation';
import type { StockEvent } from '../model';
import { stockAct, type Act } from './acts';

/**
 * The act a stock event is, and whether its quantities need a second person. A count changes the
 * stock by counted − expected; an adjustment by its delta against what the ledger said then
 * (`expectedQuantity`, which the PC's writer fills in). An adjustment that does not say what the
 * ledger said is judged as if the ledger said 0, so any change needs the second person.
 */
export function stockEventAct(
  event: Pick<StockEvent, 'type' | 'countedQuantity' | 'expectedQuantity' | 'delta'> &
    Partial<Pick<StockEvent, 'locationId' | 'itemId' | 'lotCode'>>,
  tolerance: CountTolerance = DEFAULT_COUNT_TOLERANCE,
): { act: Act; needsSecond: boolean } {
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
