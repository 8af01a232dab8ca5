import { runOnSplits } from '../../shared/barcode/run-on-field';
import type { LotRunOn } from '../../shared/recall/lot-run-on';
import { decideScan, type ScanDecision, type ScanIntent } from '../../shared/recall/scan-decision';
import type { Location, RecallNotice } from '../../shared/model';
import type { BalanceDoc } from '../store/local-schemas';
import type { ProductScan } from './resolve-scan';

export interface DecisionInput {
  scan: ProductScan;
  today: string;
  notices: readonly RecallNotice[];
  balances: readonly BalanceDoc[];
  /** Where the unit was scanned (the screen's "from" location). */
  location?: Location;
}

/** The balance of the scanned lot at the scan's location, when there is one. */
export function balanceHere(input: DecisionInput): BalanceDoc | undefined {
  const itemId = input.scan.item?.id ?? input.scan.pending?.id;
  return input.balances.find(
    (b) =>
      b.itemId === itemId &&
      b.lotCode === input.scan.lotCode.trim() &&
      b.locationId === input.location?.id,
  );
}

/** The label's expiry, or the one the ledger knows for this lot when the label has none. */
export function knownExpiry(input: DecisionInput): string | undefined {
  if (input.scan.expiry) return input.scan.expiry;
  const itemId = input.scan.item?.id;
  return input.balances.find((b) => b.itemId === itemId && b.lotCode === input.scan.lotCode.trim())
    ?.expiry;
}

/**
 * Only an element string can run a lot into the fields after it: Digital Link, human-readable
 * text and HIBCC delimit every field themselves.
 */
export function lotRunOn(input: DecisionInput): LotRunOn | undefined {
  const { parsed } = input.scan;
  const lot = parsed.ai?.['10'];
  if (parsed.standard !== 'GS1' || parsed.form !== 'element-string' || !lot) return undefined;
  const itemId = input.scan.item?.id ?? input.scan.pending?.id;
  const knownLots = [
    ...new Set(input.balances.filter((b) => b.itemId === itemId).map((b) => b.lotCode)),
  ];
  return { splits: runOnSplits('10', lot, Number(input.today.slice(0, 4))), knownLots };
}

/** Asks shared/recall whether this unit may be issued, moved or received. */
export function decide(input: DecisionInput, intent: ScanIntent): ScanDecision | undefined {
  const item = input.scan.item;
  if (!item) return undefined;
  const balance = balanceHere(input);
  const heldInQuarantine =
    input.location?.kind === 'quarantine' ||
    (balance !== undefined && balance.quarantined > 0 && balance.quarantined >= balance.onHand);
  const expiry = knownExpiry(input);
  const runOn = lotRunOn(input);
  return decideScan(
    {
      item,
      lotCode: input.scan.lotCode,
      ...(input.scan.serial ? { serial: input.scan.serial } : {}),
      ...(expiry ? { expiry } : {}),
      ...(input.scan.gtin ? { gtin: input.scan.gtin } : {}),
      ...(input.scan.hibccCode ? { hibccCode: input.scan.hibccCode } : {}),
      today: input.today,
      notices: input.notices,
      quarantined: heldInQuarantine,
      ...(runOn ? { lotRunOn: runOn } : {}),
    },
    intent,
  );
}
