import { Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { REQUEST_PRIORITIES, type SupplyRequest } from '../../shared/model';
import { isPickable } from '../../shared/replenishment/pick-list';
import { useStockData } from '../app/stock-data';
import { useNow } from '../app/use-now';
import { EscalationBadge } from '../components/escalation-badge';
import { RequestHeadline } from '../components/request-headline';
import { PickPanel } from '../components/pick-panel';

/** STAT first, then ASAP, urgent and routine; the oldest first within a priority. */
function pickOrder(a: SupplyRequest, b: SupplyRequest): number {
  const rank = (r: SupplyRequest) =>
    REQUEST_PRIORITIES.length - REQUEST_PRIORITIES.indexOf(r.priority);
  return rank(a) - rank(b) || (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0);
}

/**
 * The requests this stockroom fills from its own shelves for its departments, once decided: a tech
 * picks one, scans the units, and issues and ships them in one step.
 */
export function PickScreen() {
  const data = useStockData();
  const clock = useNow();
  const [openId, setOpenId] = useState<string>();
  const toPick = data.requests
    .filter((r) => data.locationById.get(r.locationId)?.kind === 'department' && isPickable(r))
    .sort(pickOrder);
  const open = toPick.find((r) => r.id === openId);
  return (
    <Stack gap="md">
      <Title order={1}>Pick requests</Title>
      {open ? (
        <PickPanel key={open.id} request={open} onDone={() => setOpenId(undefined)} />
      ) : toPick.length === 0 ? (
        <Text fz="lg" data-testid="pick-none">
          No request is waiting to be picked. Requests appear here once they are approved (or need
          no approval).
        </Text>
      ) : (
        toPick.map((r) => (
          <Card key={r.id} withBorder padding="lg" data-testid="pick-request">
            <Group justify="space-between">
              <Group>
                <RequestHeadline request={r} />
                <Text fz="lg">
                  for {data.locationById.get(r.locationId)?.name ?? r.locationId} · {r.status}
                </Text>
                <EscalationBadge request={r} now={clock} />
              </Group>
              <Button size="lg" onClick={() => setOpenId(r.id)}>
                Pick
              </Button>
            </Group>
            {r.reason && <Text mt="xs">{r.reason}</Text>}
          </Card>
        ))
      )}
    </Stack>
  );
}
