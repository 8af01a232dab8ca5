/**
 * On-hand for one (location, item, lot): the fold of the ledger. `onHand` counts every unit
 * physically there; `quarantined` is the part of it blocked by a quarantine event. Whether the lot
 * is expired or recalled is decided against a date and the open notices, not stored here.
 */
export interface Balance {
  locationId: string;
  itemId: string;
  lotCode: string;
  /** Latest expiry seen on a label for this lot; absent when no label carried one. */
  expiry?: string;
  onHand: number;
  quarantined: number;
  /** Id and device time of the last event folded into this balance. */
  lastEventId: string;
  lastOccurredAt: string;
}

export function balanceKey(locationId: string, itemId: string, lotCode: string): string {
  return `${locationId}\u0000${itemId}\u0000${lotCode.trim()}`;
}
