import { Badge, Text } from '@mantine/core';
import type { SupplyRequest } from '../../shared/model';
import { effectiveLines } from '../../shared/replenishment/substitution';
import { useStockData } from '../app/stock-data';

/** A request's priority and what it asks for now (accepted substitutes in), as every card starts. */
export function RequestHeadline({ request }: { request: SupplyRequest }) {
  const { itemById } = useStockData();
  return (
    <>
      <Badge
        size="xl"
        color={request.priority === 'stat' || request.priority === 'asap' ? 'red.9' : 'blue.8'}
      >
        {request.priority}
      </Badge>
      <Text fz="xl" fw={700}>
        {effectiveLines(request)
          .map((l) => `${l.quantity} × ${itemById.get(l.itemId)?.name ?? l.itemId}`)
          .join(', ')}
      </Text>
    </>
  );
}
