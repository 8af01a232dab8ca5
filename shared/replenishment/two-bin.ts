import type { ParLevel, SupplyRequest } from '../model';
import { isOrderMultiple, orderPhrase, roundUpToPack } from './pack-rounding';
import { missingField, wrongMethod } from './par-level-check';
import { compareInstants, compareText } from './request-history';
import { fail, succeed, type Outcome } from './result';
import { TERMINAL_STATUSES } from './status-rank';
import type { TwoBinSuggestion } from './suggestion';

/**
 * The request that already orders this bin: any request raised for the par level that is not yet
 * received, rejected or cancelled. A draft counts too — the card was scanned and the order is
 * being prepared. When several are open, the oldest is named.
 */
export function openBinRequest(
  level: ParLevel,
  requests: Iterable<SupplyRequest>,
): SupplyRequest | undefined {
  let oldest: SupplyRequest | undefined;
  for (const request of requests) {
    if (request.parLevelId !== level.id || TERMINAL_STATUSES.has(request.status)) continue;
    if (
      oldest === undefined ||
      (compareInstants(request.createdAt, oldest.createdAt) || compareText(request.id, oldest.id)) <
        0
    ) {
      oldest = request;
    }
  }
  return oldest;
}

/**
 * Two-bin kanban (DOMAIN.md §3): scanning the card of an empty bin orders one bin quantity,
 * rounded up to whole packs — unless that bin is already on order, which a second scan of the same
 * card (or the card scanned on a second PC after sync) must not order twice.
 */
export function twoBinSuggestion(
  level: ParLevel,
  orderMultiple: number | undefined,
  requests: Iterable<SupplyRequest>,
): Outcome<TwoBinSuggestion> {
  if (level.method !== 'two-bin') return wrongMethod(level, 'two-bin');
  const binQuantity = level.binQuantity;
  if (binQuantity === undefined) return missingField(level, 'bin quantity');
  if (!isOrderMultiple(orderMultiple)) {
    return fail(
      'ITEM_NOT_IN_MASTER',
      `Item ${level.itemId} has no order pack size on this PC: sync the item master, then scan the card again.`,
    );
  }
  const base = {
    method: 'two-bin' as const,
    parLevelId: level.id,
    facilityId: level.facilityId,
    locationId: level.locationId,
    itemId: level.itemId,
  };
  const open = openBinRequest(level, requests);
  if (open !== undefined) {
    return succeed({
      ...base,
      decision: 'already-on-order',
      quantity: 0,
      explanation: `Bin card scanned, but request ${open.id} for this bin is still open (${open.status}): the bin is not ordered twice.`,
      inputs: {
        binQuantity,
        orderMultiple,
        openRequestId: open.id,
        openRequestStatus: open.status,
      },
    });
  }
  const quantity = roundUpToPack(binQuantity, orderMultiple);
  return succeed({
    ...base,
    decision: 'order',
    quantity,
    explanation: `Bin card scanned: one bin holds ${binQuantity}, ${orderPhrase(binQuantity, quantity, orderMultiple)}.`,
    inputs: { binQuantity, orderMultiple },
  });
}
