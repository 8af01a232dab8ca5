import type { StockEvent } from '../model';
import type { Balance } from './balance';
import type { StockEventProblemCode } from './event-validation';

export const LEDGER_ANOMALY_CODES = [
  'negative-on-hand',
  'negative-quarantine',
  'quarantine-exceeds-on-hand',
  'count-basis-differs',
  'reversal-target-unknown',
  'already-reversed',
  'reversal-mismatch',
  'reversal-cycle',
  'unusable-event',
  'conflicting-duplicate',
  'expiry-conflict',
  'expiry-unreadable',
] as const;
export type LedgerAnomalyCode = (typeof LEDGER_ANOMALY_CODES)[number];

/**
 * Something in the ledger a person should look at. The fold never refuses an event (the ledger is
 * what happened) and never repairs one; it reports. Each anomaly is a function of the set of events,
 * never of the order they arrived in.
 */
export interface LedgerAnomaly {
  code: LedgerAnomalyCode;
  message: string;
  /** The events involved, sorted. */
  eventIds: string[];
  locationId?: string;
  itemId?: string;
  lotCode?: string;
  /** For an unusable event: why it has no effect. */
  cause?: StockEventProblemCode;
}

const lotName = (lotCode: string) => (lotCode ? `lot ${lotCode}` : 'the unlotted stock');

function where(b: Pick<Balance, 'locationId' | 'itemId' | 'lotCode'>) {
  return { locationId: b.locationId, itemId: b.itemId, lotCode: b.lotCode };
}

export function negativeOnHand(b: Balance): LedgerAnomaly {
  return {
    code: 'negative-on-hand',
    message: `The ledger shows ${b.onHand} units of item ${b.itemId} ${lotName(b.lotCode)} at ${b.locationId}. A receipt may not have synced yet; if it stays negative after sync, count the shelf.`,
    eventIds: [b.lastEventId],
    ...where(b),
  };
}

export function quarantineOutOfRange(b: Balance): LedgerAnomaly {
  const negative = b.quarantined < 0;
  return {
    code: negative ? 'negative-quarantine' : 'quarantine-exceeds-on-hand',
    message: negative
      ? `More of item ${b.itemId} ${lotName(b.lotCode)} was released or disposed at ${b.locationId} than was quarantined (${b.quarantined}). A quarantine may not have synced yet; otherwise check the quarantine shelf.`
      : `${b.quarantined} units of item ${b.itemId} ${lotName(b.lotCode)} are quarantined at ${b.locationId} but only ${b.onHand} are on hand. Count the quarantine shelf.`,
    eventIds: [b.lastEventId],
    ...where(b),
  };
}

export function countBasisDiffers(
  count: StockEvent,
  ledgerThen: number,
  lotCode: string,
): LedgerAnomaly {
  return {
    code: 'count-basis-differs',
    message: `Count ${count.id} expected ${count.expectedQuantity} units of item ${count.itemId} ${lotName(lotCode)} at ${count.locationId}, but the ledger in time order held ${ledgerThen} at that moment. A movement made on another PC may not have been known to the counting PC (it may be counted twice), or the PCs' clocks disagree. Recount to confirm.`,
    eventIds: [count.id],
    locationId: count.locationId,
    itemId: count.itemId,
    lotCode,
  };
}

export function reversalTargetUnknown(reversal: StockEvent): LedgerAnomaly {
  return {
    code: 'reversal-target-unknown',
    message: `Reversal ${reversal.id} cancels event ${reversal.reverses}, which this PC has not received. It takes effect when that event syncs; if it never does, ask the PC that made it to sync.`,
    eventIds: [reversal.id],
  };
}

export function alreadyReversed(reversal: StockEvent, first: StockEvent): LedgerAnomaly {
  return {
    code: 'already-reversed',
    message: `Reversal ${reversal.id} cancels event ${reversal.reverses}, which reversal ${first.id} already cancelled. It changes nothing; no action needed unless a different event was meant.`,
    eventIds: [first.id, reversal.id].sort(),
  };
}

export function reversalMismatch(reversal: StockEvent, target: StockEvent): LedgerAnomaly {
  return {
    code: 'reversal-mismatch',
    message: `Reversal ${reversal.id} names item ${reversal.itemId} lot "${reversal.lotCode}" at ${reversal.locationId}, but the event it cancels (${target.id}) was for item ${target.itemId} lot "${target.lotCode}" at ${target.locationId}. The cancelled event's stock was corrected; check that the right event was reversed.`,
    eventIds: [reversal.id, target.id].sort(),
  };
}

export function reversalCycle(ids: string[]): LedgerAnomaly {
  return {
    code: 'reversal-cycle',
    message: `Reversals ${ids.join(', ')} reverse each other in a loop; none of them has any effect. These events were not made by the app: report them to support.`,
    eventIds: [...ids].sort(),
  };
}

export function unusableEvent(
  event: StockEvent,
  cause: StockEventProblemCode,
  reason: string,
): LedgerAnomaly {
  return {
    code: 'unusable-event',
    message: `Event ${event.id} (${event.type}) has no effect on stock: ${reason} Record the movement again correctly.`,
    eventIds: [event.id],
    cause,
  };
}

export function conflictingDuplicate(id: string, variants: number): LedgerAnomaly {
  return {
    code: 'conflicting-duplicate',
    message: `${variants} different events share the id ${id}; the ledger keeps one of them. This is an integrity alarm: report it to support.`,
    eventIds: [id],
  };
}

export function expiryConflict(
  itemId: string,
  lotCode: string,
  expiries: string[],
  eventIds: string[],
  kept: string,
): LedgerAnomaly {
  return {
    code: 'expiry-conflict',
    message: `Labels of item ${itemId} ${lotName(lotCode)} carry different expiry dates (${expiries.join(', ')}); the latest scan (${kept}) is used. Check the labels on the shelf.`,
    eventIds: [...eventIds].sort(),
    itemId,
    lotCode,
  };
}

export function expiryUnreadable(event: StockEvent): LedgerAnomaly {
  return {
    code: 'expiry-unreadable',
    message: `Event ${event.id} carries the expiry "${event.expiry}", which is not a calendar date; it is ignored. Re-scan the label to record the expiry.`,
    eventIds: [event.id],
  };
}

function compareText(a: string | undefined, b: string | undefined): number {
  const x = a ?? '';
  const y = b ?? '';
  return x < y ? -1 : x > y ? 1 : 0;
}

/** A stable order for reports, so two PCs list the same anomalies the same way. */
export function compareAnomalies(a: LedgerAnomaly, b: LedgerAnomaly): number {
  return (
    compareText(a.code, b.code) ||
    compareText(a.locationId, b.locationId) ||
    compareText(a.itemId, b.itemId) ||
    compareText(a.lotCode, b.lotCode) ||
    compareText(a.eventIds.join('\u0000'), b.eventIds.join('\u0000'))
  );
}
