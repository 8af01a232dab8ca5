import { Badge } from '@mantine/core';
import type { SupplyRequest } from '../../shared/model';
import { escalation } from '../../shared/replenishment/escalation';

/** "Escalated — not acknowledged for N min" on an urgent request nobody has taken on in time. */
export function EscalationBadge({ request, now }: { request: SupplyRequest; now: string }) {
  const state = escalation(request, now);
  if (!state.escalated) return null;
  return (
    <Badge size="xl" color="red.9" variant="filled" data-testid="escalated" role="status">
      {state.message}
    </Badge>
  );
}
