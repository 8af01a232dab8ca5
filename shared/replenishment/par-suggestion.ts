import type { ParLevel } from '../model';
import { orderPhrase, roundUpToPack } from './pack-rounding';
import { badLevel, isUnits, missingField, wrongMethod } from './par-level-check';
import { succeed, type Outcome } from './result';
import { inventoryPosition, positionPhrase, stockProblem, type StockInput } from './stock-position';
import type { ParSuggestion } from './suggestion';

/**
 * Periodic order-up-to (DOMAIN.md §3): when available + on order ≤ reorder point, order
 * par − (available + on order), rounded up to whole packs. No reorder point means reorder point =
 * par, i.e. top up at every review.
 */
export function parSuggestion(level: ParLevel, stock: StockInput): Outcome<ParSuggestion> {
  if (level.method !== 'par') return wrongMethod(level, 'par');
  const par = level.par;
  if (par === undefined) return missingField(level, 'par quantity');
  const reorderPointIsPar = level.reorderPoint === undefined;
  const reorderPoint = level.reorderPoint ?? par;
  if (!isUnits(par) || !isUnits(reorderPoint)) {
    return badLevel(level, `par ${par} and reorder point ${reorderPoint} must be whole units`);
  }
  // Between par and a higher reorder point a review would trigger yet order nothing.
  if (reorderPoint > par) {
    return badLevel(level, `the reorder point ${reorderPoint} is above par ${par}`);
  }
  const problem = stockProblem<ParSuggestion>(level, stock);
  if (problem !== undefined) return problem;
  const orderMultiple = stock.orderMultiple as number; // checked by stockProblem
  const position = inventoryPosition(stock);
  const inputs = {
    available: stock.available,
    onOrder: stock.onOrder,
    position,
    orderMultiple,
    par,
    reorderPoint,
    reorderPointIsPar,
  };

  const shortfall = par - position;
  const triggered = position <= reorderPoint;
  const quantity = triggered ? roundUpToPack(shortfall, orderMultiple) : 0;

  const head = `Par ${par}, ${positionPhrase(inputs)}`;
  const point = reorderPointIsPar
    ? `reorder point ${reorderPoint} (none set, so par: top up every review)`
    : `reorder point ${reorderPoint}`;
  const explanation = !triggered
    ? `${head} is above ${point}: no order.`
    : quantity === 0
      ? `${head} ≤ ${point}, but par is already reached: no order.`
      : `${head} ≤ ${point}: ${orderPhrase(shortfall, quantity, orderMultiple)}.`;

  return succeed({
    method: 'par',
    parLevelId: level.id,
    facilityId: level.facilityId,
    locationId: level.locationId,
    itemId: level.itemId,
    decision: quantity > 0 ? 'order' : 'no-order',
    quantity,
    explanation,
    inputs,
    shortfall,
  });
}
