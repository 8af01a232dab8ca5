import type { ParLevel } from '../model';
import { isOrderMultiple } from './pack-rounding';
import { isUnits } from './par-level-check';

/**
 * Could the review rule (`parSuggestion`, `minMaxSuggestion`) order for this par or min/max level?
 * False only when the rule would certainly accept the level and the stock figures and decide
 * "no order"; anything else — an order, a problem, a level it cannot read — is true, and the
 * caller asks the rule itself. Most levels sit above their trigger at any review, so a plan that
 * keeps only orders passes over them here without building a suggestion or its sentence.
 * The checks mirror the rules' own, in the same terms; a property test holds the two together.
 */
export function reviewMayOrder(
  level: ParLevel,
  available: number,
  onOrder: number,
  orderMultiple: number | undefined,
): boolean {
  let trigger: number;
  let target: number;
  if (level.method === 'par') {
    if (level.par === undefined) return true;
    target = level.par;
    trigger = level.reorderPoint ?? target;
  } else if (level.method === 'min-max') {
    if (level.min === undefined || level.max === undefined) return true;
    trigger = level.min;
    target = level.max;
  } else {
    return true;
  }
  if (!isUnits(trigger) || !isUnits(target) || trigger > target) return true;
  if (!isOrderMultiple(orderMultiple) || !Number.isFinite(available)) return true;
  if (!Number.isFinite(onOrder) || onOrder < 0) return true;
  // inventoryPosition: a negative shelf counts as 0. An order needs the trigger reached and a gap.
  const position = Math.max(available, 0) + onOrder;
  return position <= trigger && target - position > 0;
}
