import type { ParLevel } from '../model';
import { orderPhrase, roundUpToPack } from './pack-rounding';
import { badLevel, isUnits, missingField, wrongMethod } from './par-level-check';
import { succeed, type Outcome } from './result';
import { inventoryPosition, positionPhrase, stockProblem, type StockInput } from './stock-position';
import type { MinMaxSuggestion } from './suggestion';

/**
 * Min/max (DOMAIN.md §3, "same netting and rounding" as par): the trigger and the quantity both
 * use the inventory position, available + on order. Triggering on the shelf alone would order a
 * second time while the first order is still on its way, each review until it arrives.
 */
export function minMaxSuggestion(level: ParLevel, stock: StockInput): Outcome<MinMaxSuggestion> {
  if (level.method !== 'min-max') return wrongMethod(level, 'min-max');
  const { min, max } = level;
  if (min === undefined) return missingField(level, 'min');
  if (max === undefined) return missingField(level, 'max');
  if (!isUnits(min) || !isUnits(max)) {
    return badLevel(level, `min ${min} and max ${max} must be whole units`);
  }
  if (min > max) return badLevel(level, `min ${min} is above max ${max}`);
  const problem = stockProblem<MinMaxSuggestion>(level, stock);
  if (problem !== undefined) return problem;
  const orderMultiple = stock.orderMultiple as number; // checked by stockProblem
  const position = inventoryPosition(stock);
  const inputs = {
    available: stock.available,
    onOrder: stock.onOrder,
    position,
    orderMultiple,
    min,
    max,
  };

  const shortfall = max - position;
  const triggered = position <= min;
  const quantity = triggered ? roundUpToPack(shortfall, orderMultiple) : 0;

  const head = `Min ${min}, max ${max}: ${positionPhrase(inputs)}`;
  const explanation = !triggered
    ? `${head} is above min ${min}: no order.`
    : quantity === 0
      ? `${head} ≤ min ${min}, but max ${max} is already reached: no order.`
      : `${head} ≤ min ${min}, so top up to max: ${orderPhrase(shortfall, quantity, orderMultiple)}.`;

  return succeed({
    method: 'min-max',
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
