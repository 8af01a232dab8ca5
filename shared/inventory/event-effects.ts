import { normaliseLotCode } from '../model';
import type { StockEvent } from '../model';
import { balanceKey } from './balance';
import { isPendingCount } from './count-review';
import { type StockEventProblem, structuralProblem } from './event-validation';

/** A change to one (location, item, lot) balance. */
export interface BalanceEffect {
  key: string;
  locationId: string;
  itemId: string;
  lotCode: string;
  onHand: number;
  quarantined: number;
}

/**
 * What an event does to the balances. A reversal has no effect of its own: it makes the event it
 * names ineffective (see reversal-tree.ts), which is how a reversal of a reversal restores.
 */
export type EventSemantics =
  | { ok: true; effects: BalanceEffect[]; reverses?: undefined }
  | { ok: true; effects: []; reverses: string }
  | { ok: false; problem: StockEventProblem };

function effect(
  event: StockEvent,
  locationId: string,
  onHand: number,
  quarantined = 0,
): BalanceEffect {
  const lotCode = normaliseLotCode(event.lotCode);
  return {
    key: balanceKey(locationId, event.itemId, lotCode),
    locationId,
    itemId: event.itemId,
    lotCode,
    onHand,
    quarantined,
  };
}

/**
 * The effect of each event type, as DOMAIN.md §2 and the model's comment define it:
 * - receive, return: +quantity at `locationId`;
 * - transfer: −quantity at `locationId`, +quantity at `toLocationId`;
 * - issue, waste: −quantity at `locationId` (an issue's department is not a stockroom balance);
 * - adjust: +delta at `locationId`;
 * - quarantine / release: quantity into / out of `quarantined`, on-hand unchanged;
 * - dispose: quarantined stock leaves: −quantity from on-hand and from quarantined;
 * - count: counted − expected at `locationId` (count-reconciliation.ts says why a delta), nothing
 *   while it awaits approval (count-review.ts);
 * - reversal: cancels the event named in `reverses`.
 */
export function eventSemantics(event: StockEvent): EventSemantics {
  const structural = structuralProblem(event);
  if (structural) return { ok: false, problem: structural };
  const q = event.quantity;
  const at = event.locationId;
  // structuralProblem has vouched for the optional field each case reads: the `??` fallbacks below
  // never run and only spare a non-null assertion.
  switch (event.type) {
    case 'receive':
    case 'return':
      return { ok: true, effects: [effect(event, at, q)] };
    case 'transfer':
      return {
        ok: true,
        effects: [effect(event, at, -q), effect(event, event.toLocationId ?? at, q)],
      };
    case 'issue':
    case 'waste':
      return { ok: true, effects: [effect(event, at, -q)] };
    case 'adjust':
      return { ok: true, effects: [effect(event, at, event.delta ?? 0)] };
    case 'quarantine':
      return { ok: true, effects: [effect(event, at, 0, q)] };
    case 'release':
      return { ok: true, effects: [effect(event, at, 0, -q)] };
    case 'dispose':
      return { ok: true, effects: [effect(event, at, -q, -q)] };
    case 'count':
      // A count awaiting a supervisor records what was counted and changes nothing until its
      // approval, which carries the change itself (count-review.ts).
      if (isPendingCount(event)) return { ok: true, effects: [] };
      return {
        ok: true,
        effects: [effect(event, at, (event.countedQuantity ?? 0) - (event.expectedQuantity ?? 0))],
      };
    case 'reversal':
      return { ok: true, effects: [], reverses: event.reverses ?? '' };
  }
}
