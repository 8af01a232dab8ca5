import type { IsRecalled } from './availability';
import type { Balance } from './balance';
import { suggestFefo } from './fefo';

/** The lot FEFO would take before the scanned one, at the same location. */
export interface EarlierLot {
  lotCode: string;
  expiry: string;
  available: number;
  message: string;
}

/**
 * First expired, first out at the moment of issue: when the scanned lot expires later than a usable
 * lot of the same item at the same location, name that lot so the person can take it instead. It
 * asks, never forbids — the earlier lot may be out of reach or promised elsewhere.
 */
export function earlierLotAtIssue(
  balances: Iterable<Balance>,
  scanned: { itemId: string; locationId: string; lotCode: string; expiry?: string },
  today: string,
  isRecalled: IsRecalled,
  /** What the person is doing with the lot, for the message: transfers suggest FEFO too. */
  act: 'issue' | 'move' = 'issue',
): EarlierLot | undefined {
  const here = [...balances].filter(
    (b) =>
      b.itemId === scanned.itemId &&
      b.locationId === scanned.locationId &&
      b.lotCode !== scanned.lotCode.trim(),
  );
  if (here.length === 0) return undefined;
  const result = suggestFefo(here, 1, today, isRecalled);
  const first = result.ok ? result.suggestion.picks[0] : undefined;
  if (!first?.expiry) return undefined;
  if (scanned.expiry !== undefined && first.expiry >= scanned.expiry) return undefined;
  const available = here
    .filter((b) => b.lotCode === first.lotCode)
    .reduce((sum, b) => sum + b.onHand - Math.max(b.quarantined, 0), 0);
  const later = scanned.expiry ? `expires ${scanned.expiry}` : 'has no expiry on record';
  return {
    lotCode: first.lotCode,
    expiry: first.expiry,
    available,
    message: `Lot ${first.lotCode} of this item expires first (${first.expiry}; ${available} here), and the scanned lot ${scanned.lotCode} ${later}. Take lot ${first.lotCode} instead, or ${act} this lot anyway.`,
  };
}
