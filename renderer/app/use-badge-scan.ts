import type { RefObject } from 'react';
import { resolveScan } from '../scanning/resolve-scan';
import { useScans } from './scan-bus';
import { useStockData } from './stock-data';

/**
 * A second person's badge, scanned while a panel asks for it. The panel takes scans before the
 * screen under it, as the sign-in screen does, so a badge never reaches a product handler (which
 * would call it an unreadable label). A badge can be any text, even digits that pass a GTIN check,
 * so only a shelf label or a label of a product this stockroom knows goes on to the screen (a
 * count waiting for approval queues it); with the focus in the badge field, every scan is the badge.
 */
export function useBadgeScan(
  onBadge: (badge: string) => void,
  badgeField: RefObject<HTMLInputElement | null>,
): void {
  const data = useStockData();
  useScans((scan) => {
    const inBadgeField =
      badgeField.current !== null && badgeField.current === document.activeElement;
    if (!inBadgeField) {
      const resolved = resolveScan(scan.text, {
        today: data.today,
        items: data.items,
        locations: data.locations,
        pendingItems: data.pendingItems,
      });
      const stock =
        resolved.kind === 'location' ||
        (resolved.kind === 'product' && (resolved.item ?? resolved.pending) !== undefined);
      if (stock) return false;
    }
    onBadge(scan.text.trim());
    return true;
  });
}
