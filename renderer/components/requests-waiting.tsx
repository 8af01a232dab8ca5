import { Card, Text } from '@mantine/core';
import type { MangoQuery } from 'rxdb';
import { requestTransmission } from '../../shared/replenishment/request-transmission';
import type { SupplyRequest } from '../../shared/model';
import { useServices } from '../app/services';
import { useLiveQuery } from '../app/use-live';
import { useTransmissionContext } from '../app/use-transmission-context';

// A draft was never sent on purpose; everything else the centre must hear about.
const RAISED: MangoQuery<SupplyRequest> = { selector: { status: { $ne: 'draft' } } };

/**
 * Supply requests the centre has not got or not acknowledged, counted by the same rule the
 * request screens use to say where a request is: the sync status tells the truth about requests
 * as it does about stock events.
 */
export function RequestsWaiting() {
  const { db } = useServices();
  const context = useTransmissionContext();
  const { docs } = useLiveQuery(db.supply_requests, RAISED);
  const states = docs.map((r) => requestTransmission(r, context).state);
  const onThisPc = states.filter((s) => s === 'on-this-pc').length;
  const unacknowledged = states.filter((s) => s === 'awaiting-acknowledgement').length;
  return (
    <>
      <Card withBorder padding="lg">
        <Text fz="lg">Requests saved on this PC, not yet sent</Text>
        <Text
          fz={26}
          fw={700}
          data-testid="sync-requests-unsent"
          c={onThisPc ? '#9c3d00' : undefined}
        >
          {onThisPc}
        </Text>
      </Card>
      <Card withBorder padding="lg">
        <Text fz="lg">Requests sent, waiting for acknowledgement</Text>
        <Text fz={26} fw={700} data-testid="sync-requests-unacknowledged">
          {unacknowledged}
        </Text>
      </Card>
    </>
  );
}
