import type { IsRecalled } from '../inventory/availability';
import type { Balance } from '../inventory/balance';
import { suggestFefo, type FefoPick, type FefoSkip } from '../inventory/fefo';
import type { RequestStatus, SupplyRequest } from '../model';
import { levelsApproved, levelsDemanded, lineProgress } from './request-progress';

const PICKABLE_STATUSES: ReadonlySet<RequestStatus> = new Set<RequestStatus>([
  'approved',
  'acknowledged',
  'picking',
]);

/**
 * A request the stockroom may pick now: picking already, approved at every level demanded,
 * acknowledged under a policy that demanded no approval (the state machine's own rule), or
 * shipped in part with units still outstanding.
 */
export function isPickable(request: Pick<SupplyRequest, 'status' | 'history' | 'lines'>): boolean {
  if (request.status === 'shipped') {
    return lineProgress(request).some((l) => l.shipped < l.requested);
  }
  if (!PICKABLE_STATUSES.has(request.status)) return false;
  if (request.status !== 'acknowledged') return true;
  return levelsDemanded(request.history) <= levelsApproved(request.history).size;
}

export interface PickListLine {
  itemId: string;
  requested: number;
  shipped: number;
  /** Units still to pick: requested less what earlier shipments moved. */
  outstanding: number;
  /** Lots to take, earliest expiry first; never expired, quarantined or recalled units. */
  picks: FefoPick[];
  skipped: FefoSkip[];
  /** Units the usable stock here cannot cover. */
  shortfall: number;
  explanation: string;
}

/**
 * What to take off which shelf for a request, line by line, in FEFO order from the stock places
 * of this stockroom (`isStockPlace`: a department's own stock is not picked from). The same
 * decisions as a scan: a lot a recall names or that has expired is never offered.
 */
export function buildPickList(
  request: Pick<SupplyRequest, 'lines' | 'history'>,
  balances: readonly Balance[],
  today: string,
  isRecalled: IsRecalled,
  isStockPlace: (locationId: string) => boolean,
): PickListLine[] {
  return lineProgress(request).map(({ itemId, requested, shipped }) => {
    const outstanding = Math.max(0, requested - shipped);
    const lots = balances.filter((b) => b.itemId === itemId && isStockPlace(b.locationId));
    if (outstanding === 0) {
      return {
        itemId,
        requested,
        shipped,
        outstanding,
        picks: [],
        skipped: [],
        shortfall: 0,
        explanation: 'Shipped in full.',
      };
    }
    const fefo = suggestFefo(lots, outstanding, today, isRecalled);
    // One item per call and a positive quantity: suggestFefo's refusals cannot arise here.
    const suggestion = fefo.ok
      ? fefo.suggestion
      : { picks: [], skipped: [], shortfall: outstanding, explanation: fefo.error.message };
    return {
      itemId,
      requested,
      shipped,
      outstanding,
      picks: suggestion.picks,
      skipped: suggestion.skipped,
      shortfall: suggestion.shortfall,
      explanation: suggestion.explanation,
    };
  });
}

/**
 * Whether a scanned unit may go towards a line: the item is on the request and units of it are
 * still outstanding after what has already been picked in this session.
 */
export function pickFits(
  lines: readonly PickListLine[],
  picked: ReadonlyMap<string, number>,
  itemId: string,
  quantity: number,
): { ok: true } | { ok: false; code: 'PICK_NOT_ON_REQUEST' | 'PICK_OVER'; message: string } {
  const line = lines.find((l) => l.itemId === itemId);
  if (!line) {
    return {
      ok: false,
      code: 'PICK_NOT_ON_REQUEST',
      message: 'This item is not on the request. Put it back and scan an item from the pick list.',
    };
  }
  const left = line.outstanding - (picked.get(itemId) ?? 0);
  if (quantity > left) {
    return {
      ok: false,
      code: 'PICK_OVER',
      message:
        left === 0
          ? 'This line is already picked in full. Put the unit back.'
          : `Only ${left} more of this item ${left === 1 ? 'is' : 'are'} needed. Put the rest back.`,
    };
  }
  return { ok: true };
}
