import { useMemo } from 'react';
import { onOrderFrom } from '../../shared/replenishment/on-order';
import {
  orderMultiplesFrom,
  planReplenishment,
  type ReplenishmentPlan,
} from '../../shared/replenishment/replenishment-plan';
import { availableFrom } from '../../shared/replenishment/stock-key';
import { useServices } from './services';
import { useStockData } from './stock-data';

/**
 * Today's replenishment review, from shared/replenishment, on the live balances and requests. The
 * screens show only the levels to order, so the plan builds no suggestion for the others.
 */
export function useReplenishmentPlan(): ReplenishmentPlan {
  const { facilityId } = useServices();
  const data = useStockData();
  return useMemo(() => {
    return planReplenishment({
      facilityId,
      parLevels: data.parLevels,
      available: availableFrom(data.availability.byItemLocation),
      onOrder: onOrderFrom(data.requests),
      orderMultiples: orderMultiplesFrom(data.items),
      ordersOnly: true,
    });
  }, [facilityId, data]);
}
