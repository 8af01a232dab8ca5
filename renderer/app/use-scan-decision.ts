import type { ScanDecision, ScanIntent } from '../../shared/recall/scan-decision';
import type { ProductScan } from '../scanning/resolve-scan';
import { decide, knownExpiry } from '../scanning/scan-decision';
import { useStockData } from './stock-data';

export interface ScanJudgement {
  /** Whether shared/recall lets this unit be issued, moved or received here. */
  decisionFor(scan: ProductScan): ScanDecision | undefined;
  /** The label's expiry, or the ledger's for this lot when the label carries none. */
  expiryOf(scan: ProductScan): string | undefined;
}

/**
 * Every scanning screen asks the same question of the same live data (today, open notices,
 * balances) at the location the unit is scanned at; asking it in one place keeps the screens from
 * drifting apart on what counts as recalled, expired or quarantined. A fresh pair each render, so
 * a scan callback sees the location chosen at that moment.
 */
export function useScanDecision(intent: ScanIntent, locationId?: string | null): ScanJudgement {
  const data = useStockData();
  const location = locationId ? data.locationById.get(locationId) : undefined;
  return {
    decisionFor: (scan) =>
      decide(
        {
          scan,
          today: data.today,
          notices: data.openNotices,
          balances: data.balances,
          ...(location ? { location } : {}),
        },
        intent,
      ),
    expiryOf: (scan) =>
      knownExpiry({ scan, today: data.today, notices: [], balances: data.balances }),
  };
}
