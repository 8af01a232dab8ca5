import {
  Badge,
  Button,
  Card,
  Group,
  Select,
  Stack,
  Text,
  TextInput,
  Textarea,
  Timeline,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { REQUEST_PRIORITIES, type RequestPriority } from '../../shared/model';
import { requestTransmission } from '../../shared/replenishment/request-transmission';
import { announceRecorded } from '../app/announce-recorded';
import { useServices } from '../app/services';
import { useStockData } from '../app/stock-data';
import { useNow } from '../app/use-now';
import { useUserNames } from '../app/use-user-names';
import { EscalationBadge } from '../components/escalation-badge';
import { RequestHeadline } from '../components/request-headline';
import { LocationSelect } from '../components/location-select';
import { ProblemAlert } from '../components/problem-alert';
import { QuantityInput } from '../components/quantity-input';
import { RequestSteps } from '../components/request-steps';
import { SubstitutionPanel } from '../components/substitution-panel';
import { TransmissionNote } from '../components/transmission-note';
import { randomId } from '../platform/random-id';
import { useSession } from '../session/session-store';
import { useTransmissionContext } from '../app/use-transmission-context';
import { raiseRequestAs } from '../store/request-writer';
import { when } from '../app/when';

/** Nurse managers raise urgent requests offline; each shows its status history as a timeline. */
export function UrgentRequestsScreen() {
  const { db, facilityId } = useServices();
  const data = useStockData();
  const user = useSession((s) => s.user);
  const nameOf = useUserNames();
  const clock = useNow();
  const link = useTransmissionContext();
  const [locationId, setLocationId] = useState<string | null>('DEP-ICU');
  const [itemId, setItemId] = useState<string | null>(null);
  const [quantity, setQuantity] = useState(1);
  const [priority, setPriority] = useState<string | null>('urgent');
  const [neededBy, setNeededBy] = useState('');
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string>();

  const submit = async () => {
    if (!user || !locationId || !itemId) return setProblem('Choose the department and the item.');
    if (!reason.trim())
      return setProblem('Say why it is urgent: the stockroom and the centre read this first.');
    const raised = await raiseRequestAs(
      db,
      { facilityId, actorId: user.id, now: () => new Date() },
      {
        id: randomId('REQ'),
        kind: 'urgent',
        priority: (priority ?? 'urgent') as RequestPriority,
        locationId,
        ...(neededBy ? { neededBy: new Date(neededBy).toISOString() } : {}),
        reason: reason.trim(),
        lines: [{ itemId, quantity }],
      },
    );
    if (!raised.ok) return setProblem(raised.message);
    setProblem(undefined);
    setReason('');
    const where = requestTransmission(raised.request, link);
    announceRecorded(
      'Urgent request saved',
      `${quantity} × ${data.itemById.get(itemId)?.name ?? itemId}. ${'message' in where ? where.message : ''}`,
    );
  };

  const urgent = data.requests
    .filter((r) => r.kind === 'urgent')
    .sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1));
  return (
    <Stack gap="md">
      <Title order={1}>Urgent requests</Title>
      <Card withBorder padding="lg">
        <Stack gap="sm">
          <Group grow align="flex-end">
            <LocationSelect
              label="Needed at"
              value={locationId}
              onChange={setLocationId}
              kinds={['department']}
            />
            <Select
              label="Item"
              size="lg"
              searchable
              value={itemId}
              onChange={setItemId}
              data={data.items.map((i) => ({ value: i.id, label: i.name }))}
            />
            <QuantityInput value={quantity} onChange={setQuantity} max={100000} />
          </Group>
          <Group grow align="flex-end">
            <Select
              label="Priority"
              size="lg"
              value={priority}
              onChange={setPriority}
              data={REQUEST_PRIORITIES.map((p) => ({ value: p, label: p.toUpperCase() }))}
              allowDeselect={false}
            />
            <TextInput
              label="Needed by"
              type="datetime-local"
              size="lg"
              value={neededBy}
              onChange={(e) => setNeededBy(e.currentTarget.value)}
            />
          </Group>
          <Textarea
            label="Reason"
            size="lg"
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            autosize
            minRows={2}
          />
          <ProblemAlert message={problem} />
          <Button size="xl" onClick={() => void submit()} data-testid="urgent-submit">
            Submit urgent request
          </Button>
        </Stack>
      </Card>
      {urgent.map((r) => (
        <Card key={r.id} withBorder padding="lg" data-testid="urgent-request" data-request-card>
          <Group>
            <RequestHeadline request={r} />
            <Badge size="lg" color="gray.8">
              {r.status}
            </Badge>
            <EscalationBadge request={r} now={clock} />
          </Group>
          <TransmissionNote transmission={requestTransmission(r, link)} />
          {user && <RequestSteps request={r} person={{ id: user.id, role: user.role }} />}
          <SubstitutionPanel
            request={r}
            person={user ? { id: user.id, role: user.role } : undefined}
          />
          <Text fz="lg" mt="xs">
            {data.locationById.get(r.locationId)?.name ?? r.locationId}
            {r.neededBy ? ` · needed by ${when(r.neededBy)}` : ''} · {r.reason}
          </Text>
          <Timeline
            active={r.history.length - 1}
            mt="sm"
            bulletSize={20}
            aria-label="Status history"
          >
            {r.history.map((h) => (
              <Timeline.Item key={`${h.status}${h.at}`} title={h.status}>
                <Text fz="md">
                  {when(h.at)} · {nameOf(h.by)}
                </Text>
              </Timeline.Item>
            ))}
          </Timeline>
        </Card>
      ))}
    </Stack>
  );
}
