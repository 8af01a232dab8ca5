import { useMemo } from 'react';
import { onOrderFrom } from '../../shared/replenishment/on-order';
import {
  orderMultiplesFrom,
  planReplenishment,
  type ReplenishmentPlan,
} from '../../shared/replenishment/replenishment-plan';
import { locationItemKey } from '../../shared/replenishment/stock-key';
import { useServices } from './services';
import { useStockData } from './stock-data';

/** Today's replenishment review, from shared/replenishment, on the live balances and requests. */
export function useReplenishmentPlan(): ReplenishmentPlan {
  const { facilityId } = useServices();
  const data = useStockData();
  return useMemo(() => {
    const available = new Map<string, number>();
    for (const stock of data.availability.byItemLocation.values()) {
      available.set(locationItemKey(stock.locationId, stock.itemId), stock.available);
    }
    return planReplenishment({
      facilityId,
      parLevels: data.parLevels,
      available,
      onOrder: onOrderFrom(data.requests),
      orderMultiples: orderMultiplesFrom(data.items),
    });
  }, [facilityId, data]);
}
