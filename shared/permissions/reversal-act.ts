import { countApprovalNeed } from '../inventory/adjustment-approval';
import { DEFAULT_COUNT_TOLERANCE, type CountTolerance } from '../inventory/count-reconciliation';
import { eventSemantics } from '../inventory/event-effects';
import type { StockEvent } from '../model';
import { stockAct, type Act } from './acts';

/**
 * A reversal is judged by what it does, not by its name. Cancelling a quarantine releases stock, so
 * it is a release (a supervisor's act); cancelling a receipt of 500 takes 500 off the shelf, so it
 * needs the same second person as an adjustment of −500. Without this, a reversal would be a way
 * round the count tolerance and round the release rule.
 *
 * `chain` is the event the reversal names, then the event that one names, and so on down to the
 * first event that is not a reversal (the root). An odd chain cancels the root; an even one
 * restores it (a reversal of a reversal). Whoever cannot show the whole chain gets the strictest
 * answer: a change of unknown size needs the second person.
 */
export function reversalAct(
  reversal: Partial<Pick<StockEvent, 'expectedQuantity' | 'locationId' | 'itemId' | 'lotCode'>>,
  chain: readonly StockEvent[],
  tolerance: CountTolerance = DEFAULT_COUNT_TOLERANCE,
): { act: Act; needsSecond: boolean } {
  const root = chain[chain.length - 1];
  if (!root || root.type === 'reversal') return { act: stockAct('reversal'), needsSecond: true };
  const restores = chain.length % 2 === 0;
  if (root.type === 'quarantine' || root.type === 'release') {
    const releases = (root.type === 'quarantine') !== restores;
    return { act: stockAct(releases ? 'release' : 'quarantine'), needsSecond: false };
  }
  const semantics = eventSemantics(root);
  if (!semantics.ok) return { act: stockAct('reversal'), needsSecond: true };
  const change = Math.max(0, ...semantics.effects.map((e) => Math.abs(e.onHand)));
  if (change === 0) return { act: stockAct('reversal'), needsSecond: false };
  const expected = reversal.expectedQuantity ?? 0;
  const { needed } = countApprovalNeed(
    {
      locationId: reversal.locationId ?? '',
      itemId: reversal.itemId ?? '',
      lotCode: reversal.lotCode ?? '',
      expectedQuantity: expected,
      countedQuantity: expected + change,
    },
    tolerance,
  );
  return { act: stockAct('reversal'), needsSecond: needed };
}

/** How many links of a reversal chain the writers follow before giving the strictest answer. */
export const REVERSAL_CHAIN_LIMIT = 16;

/**
 * A reversal must name a movement of its own stockroom that the writer holds (`chain` as above,
 * empty when the named event was not found). A PC reverses only what its ledger shows, and every
 * event in its ledger reached the centre before it (its own are pushed in order; others came
 * down from the centre): a name nobody holds is a tampered or garbled event, and stored it would
 * sit in the ledger cancelling nothing, with a second person's name on it.
 */
export function reversalTargetProblem(
  reversal: Pick<StockEvent, 'id' | 'reverses'>,
  chain: readonly StockEvent[],
): { code: 'REVERSAL_TARGET_UNKNOWN'; message: string } | undefined {
  if (reversal.reverses === undefined || chain.length > 0) return undefined;
  return {
    code: 'REVERSAL_TARGET_UNKNOWN',
    message: `it reverses ${reversal.reverses}, which is not a movement recorded at this stockroom. Reverse the movement from its line in the stock history.`,
  };
}
