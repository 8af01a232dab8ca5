import { Badge } from '@mantine/core';
import type { SupplyRequest } from '../../shared/model';
import { escalationLadder, ladderMessageOnPc } from '../../shared/replenishment/escalation-ladder';
import { requestTransmission } from '../../shared/replenishment/request-transmission';
import { useServiceLevels } from '../app/use-service-levels';
import { useTransmissionContext } from '../app/use-transmission-context';

/**
 * Where a late request stands on the escalation ladder, in words ("Not acknowledged for 40 min —
 * escalated to the supervisor"), worked out on this PC from its own clock, online or not. The
 * centre's rungs are said as done only when the request has reached the centre.
 */
export function EscalationBadge({ request, now }: { request: SupplyRequest; now: string }) {
  const levels = useServiceLevels();
  const link = useTransmissionContext();
  const state = escalationLadder(request, levels, now);
  if (!state) return null;
  const reachedCentre = requestTransmission(request, link).state !== 'on-this-pc';
  return (
    <Badge
      size="xl"
      color={state.rung === 'reminder' ? '#9c3d00' : 'red.9'}
      variant="filled"
      data-testid="escalated"
      data-rung={state.rung}
      role="status"
      // A badge cuts its label to one line; this one is a sentence the reader needs whole.
      styles={{
        root: { height: 'auto', maxWidth: '100%', paddingBlock: 4, textTransform: 'none' },
        label: { whiteSpace: 'normal', overflow: 'visible', textOverflow: 'clip' },
      }}
    >
      {ladderMessageOnPc(state, reachedCentre)}
    </Badge>
  );
}
