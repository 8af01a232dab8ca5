import {
  quarantineEvidence,
  type QuarantineEvidence,
} from '../../shared/recall/quarantine-evidence';
import { matchStock } from '../../shared/recall/stock-match';
import { asBalance } from './balance-projection';
import type { StockroomDatabase } from './collections';

/**
 * Where the units of a recall are, read from the store rather than from a screen's copy: the
 * notice, the item master, the facility's quarantine areas and the balances. Undefined when the
 * notice is not on this PC.
 */
export async function storedQuarantineEvidence(
  db: StockroomDatabase,
  noticeId: string,
  facilityId: string,
): Promise<QuarantineEvidence | undefined> {
  const notice = (await db.recall_notices.findOne(noticeId).exec())?.toMutableJSON();
  if (!notice) return undefined;
  const [items, balances, areas] = await Promise.all([
    db.items.find().exec(),
    db.balances.find().exec(),
    db.locations.find({ selector: { facilityId, kind: 'quarantine' } }).exec(),
  ]);
  const match = matchStock(
    notice,
    balances.map((b) => asBalance(b.toMutableJSON())),
    items.map((i) => i.toMutableJSON()),
  );
  const quarantineAreas = new Set(areas.map((a) => a.id));
  return quarantineEvidence(match, (locationId) => quarantineAreas.has(locationId));
}
