import { Card, Stack, Text, Title } from '@mantine/core';
import { openSubstitutions } from '../../shared/replenishment/substitution';
import { useStockData } from '../app/stock-data';
import { useSession } from '../session/session-store';
import { SubstitutionPanel } from './substitution-panel';

/**
 * The dashboard's card of substitutes the centre proposed and the ward has not decided, each
 * decidable where it shows. Absent when there is none.
 */
export function SubstitutesToDecide() {
  const { requests, locationById } = useStockData();
  const user = useSession((s) => s.user);
  const waiting = requests.filter((r) => openSubstitutions(r).length > 0);
  if (waiting.length === 0) return null;
  const count = waiting.reduce((sum, r) => sum + openSubstitutions(r).length, 0);
  return (
    <Card withBorder padding="lg" data-testid="dash-substitutes">
      <Title order={2} fz={22}>
        Substitutes to decide · {count}
      </Title>
      <Stack gap="md" mt="sm">
        {waiting.map((r) => (
          <div key={r.id}>
            <Text fz="lg" fw={600}>
              {r.priority.toUpperCase()} · {locationById.get(r.locationId)?.name ?? r.locationId} ·{' '}
              {r.status} · {r.reason ?? r.kind}
            </Text>
            <SubstitutionPanel
              request={r}
              person={user ? { id: user.id, role: user.role } : undefined}
            />
          </div>
        ))}
      </Stack>
    </Card>
  );
}
