import { createContext, useContext, useMemo, type ReactNode } from 'react';
import type {
  Item,
  Location,
  ParLevel,
  PendingItem,
  RecallNotice,
  SupplyRequest,
} from '../../shared/model';
import {
  summariseAvailability,
  type AvailabilitySummary,
  type IsRecalled,
} from '../../shared/inventory/availability';
import { recalledLotIndex, type RecalledLotIndex } from '../../shared/recall/recalled-lot-index';
import type { BalanceDoc } from '../store/local-schemas';
import { localToday, useServices } from './services';
import { useLiveQuery } from './use-live';

/**
 * The facility's working set, live from RxDB: item master, locations, open recalls and the
 * balances projection. Small enough for a stockroom to hold in memory, and every screen needs it.
 */
export interface StockData {
  items: Item[];
  itemById: Map<string, Item>;
  locations: Location[];
  locationById: Map<string, Location>;
  balances: BalanceDoc[];
  openNotices: RecallNotice[];
  parLevels: ParLevel[];
  pendingItems: PendingItem[];
  requests: SupplyRequest[];
  recallIndex: RecalledLotIndex;
  isRecalled: IsRecalled;
  /** Available / quarantined / expired split for today. */
  availability: AvailabilitySummary;
  today: string;
  loading: boolean;
}

const StockDataContext = createContext<StockData | undefined>(undefined);

const OPEN = { selector: { status: 'open' } } as const;

export function StockDataProvider({ children }: { children: ReactNode }) {
  const { db } = useServices();
  const items = useLiveQuery(db.items);
  const locations = useLiveQuery(db.locations);
  const balances = useLiveQuery(db.balances);
  const notices = useLiveQuery(db.recall_notices, OPEN);
  const parLevels = useLiveQuery(db.par_levels);
  const pendingItems = useLiveQuery(db.pending_items);
  const requests = useLiveQuery(db.supply_requests);
  const today = localToday();
  // Each derived part is recomputed only when its own inputs change: a write touches balances
  // many times a minute, while the recall index and the item and location maps rarely change.
  const recall = useMemo(() => {
    const recallIndex = recalledLotIndex(notices.docs, items.docs);
    const isRecalled: IsRecalled = (itemId, lotCode, expiry) =>
      recallIndex.blocks(itemId, lotCode, undefined, expiry);
    return { recallIndex, isRecalled };
  }, [notices, items]);
  const itemById = useMemo(() => new Map(items.docs.map((i) => [i.id, i])), [items]);
  const locationById = useMemo(() => new Map(locations.docs.map((l) => [l.id, l])), [locations]);
  const availability = useMemo(
    () => summariseAvailability(balances.docs, today, recall.isRecalled),
    [balances, today, recall],
  );
  const value = useMemo<StockData>(
    () => ({
      items: items.docs,
      itemById,
      locations: locations.docs,
      locationById,
      balances: balances.docs,
      openNotices: notices.docs,
      parLevels: parLevels.docs,
      pendingItems: pendingItems.docs,
      requests: requests.docs,
      recallIndex: recall.recallIndex,
      isRecalled: recall.isRecalled,
      availability,
      today,
      loading: items.loading || balances.loading || locations.loading,
    }),
    [
      items,
      itemById,
      locations,
      locationById,
      balances,
      notices,
      parLevels,
      pendingItems,
      requests,
      recall,
      availability,
      today,
    ],
  );
  return <StockDataContext.Provider value={value}>{children}</StockDataContext.Provider>;
}

export function useStockData(): StockData {
  const data = useContext(StockDataContext);
  if (!data) throw new Error('useStockData outside StockDataProvider');
  return data;
}
