import { memo, useDeferredValue } from 'react';
import { Badge, Card, Group, List, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { expiryBand, type ExpiryBand } from '../../shared/inventory/expiry';
import { useReplenishmentPlan } from '../app/replenishment-review';
import { useStockData } from '../app/stock-data';
import { useCountReviewQueue } from '../app/use-count-review';
import { useServices } from '../app/services';
import { useKeptQuery } from '../app/use-live';
import { useNow } from '../app/use-now';
import { EscalationBadge } from '../components/escalation-badge';
import { FacilityIndicators } from '../components/facility-indicators';
import { ShortList } from '../components/short-list';
import { SubstitutesToDecide } from '../components/substitutes-to-decide';
import { UsageAnomalies } from '../components/usage-anomalies';
import { compareText } from '../../shared/replenishment/request-history';
import { effectiveLines } from '../../shared/replenishment/substitution';
import { when } from '../app/when';

// Neither takes props: the screen's own updates (a count awaiting approval, a recall case) leave
// them alone; they update from what they read themselves.
const Indicators = memo(FacilityIndicators);
const Anomalies = memo(UsageAnomalies);

const BANDS: { band: ExpiryBand; label: string; color: string }[] = [
  { band: 'expired', label: 'Expired', color: 'red.9' },
  { band: 'expiring-30', label: '≤ 30 days', color: '#9c3d00' },
  { band: 'expiring-60', label: '31–60 days', color: 'yellow.4' },
  { band: 'expiring-90', label: '61–90 days', color: 'blue.8' },
];

/** The shift's overview: what is short, what expires, what is recalled, what is urgent. */
export function DashboardScreen() {
  const data = useStockData();
  const plan = useReplenishmentPlan();
  const clock = useNow();
  // The review returns only the levels to order (ordersOnly).
  const belowPar = plan.suggestions;
  const byBand = new Map<ExpiryBand, (typeof data.balances)[number][]>();
  for (const lot of data.balances) {
    if (lot.onHand <= 0) continue;
    const band = expiryBand(lot.expiry, data.today);
    const inBand = byBand.get(band);
    if (inBand) inBand.push(lot);
    else byBand.set(band, [lot]);
  }
  // Soonest first inside each band the card shows (ISO dates sort as text); the rest are not drawn.
  for (const { band } of BANDS)
    byBand.get(band)?.sort((a, b) => compareText(a.expiry ?? '', b.expiry ?? ''));
  const urgent = data.requests.filter(
    (r) => r.kind === 'urgent' && !['received', 'rejected', 'cancelled'].includes(r.status),
  );
  const name = (id: string) => data.itemById.get(id)?.name ?? id;
  const counts = useCountReviewQueue();
  const { db } = useServices();
  const cases = useKeptQuery(db.recall_cases);
  const closedCases = cases.docs.filter((c) => c.step === 'closed');
  // A notice stays open at the centre until the source ends it; here its work is done once this
  // stockroom's case is closed.
  const openRecalls = data.openNotices.filter((n) => !closedCases.some((c) => c.noticeId === n.id));
  // The figures and usage flags are the screen's heaviest part: they are drawn just after the
  // rest, so a person who signs in sees the shift's lists, and that they are signed in, at once.
  const drawFigures = useDeferredValue(true, false);
  return (
    <Stack gap="md">
      <Title order={1}>Dashboard</Title>
      <SubstitutesToDecide />
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Card withBorder padding="lg" data-testid="dash-below-par">
          <Title order={2} fz={22}>
            Below par · {belowPar.length}
          </Title>
          <ShortList
            items={belowPar}
            itemKey={(s) => s.parLevelId}
            noun="levels below par"
            renderItem={(s) => (
              <>
                <Text fz="lg" fw={600}>
                  {name(s.itemId)} — order {s.quantity}
                </Text>
                <Text fz="md">{s.explanation}</Text>
              </>
            )}
          />
        </Card>
        <Card withBorder padding="lg" data-testid="dash-expiry">
          <Title order={2} fz={22}>
            Expiry
          </Title>
          <Group mt="sm" gap="sm">
            {BANDS.map(({ band, label, color }) => (
              <Badge key={band} size="xl" color={color} autoContrast data-band={band}>
                {label}: {byBand.get(band)?.length ?? 0}
              </Badge>
            ))}
          </Group>
          <ShortList
            items={BANDS.flatMap(({ band }) => byBand.get(band) ?? [])}
            itemKey={(b) => b.id}
            noun="expiring lots"
            renderItem={(b) => (
              <Text fz="lg">
                {name(b.itemId)} · lot {b.lotCode} · {b.expiry} · {b.onHand} on hand in{' '}
                {data.locationById.get(b.locationId)?.name ?? b.locationId}
              </Text>
            )}
          />
        </Card>
        <Card withBorder padding="lg" data-testid="dash-recalls">
          <Title order={2} fz={22}>
            Open recalls · {openRecalls.length}
          </Title>
          <List spacing="xs" mt="sm">
            {openRecalls.map((n) => {
              const units = data.availability.lots
                .filter(
                  (l) =>
                    l.recalled &&
                    data.recallIndex
                      .isRecalled(l.balance.itemId, l.balance.lotCode)
                      .some((b) => b.noticeId === n.id),
                )
                .reduce((s, l) => s + l.onHand, 0);
              return (
                <List.Item key={n.id}>
                  <Text fz="lg" fw={600}>
                    Class {n.class} · {n.number}: {n.title}
                  </Text>
                  <Text fz="md">{units} units in stock match this notice.</Text>
                </List.Item>
              );
            })}
          </List>
        </Card>
        <Card withBorder padding="lg" data-testid="dash-urgent">
          <Title order={2} fz={22}>
            Urgent requests · {urgent.length}
          </Title>
          <List spacing="xs" mt="sm">
            {urgent.map((r) => (
              <List.Item key={r.id}>
                <Text fz="lg" fw={600}>
                  {r.priority.toUpperCase()} ·{' '}
                  {data.locationById.get(r.locationId)?.name ?? r.locationId} · {r.status}
                </Text>
                <EscalationBadge request={r} now={clock} />
                <Text fz="md">
                  {effectiveLines(r)
                    .map((l) => `${l.quantity} × ${name(l.itemId)}`)
                    .join(', ')}
                  {r.neededBy ? ` · needed by ${when(r.neededBy)}` : ''}
                </Text>
              </List.Item>
            ))}
          </List>
        </Card>
        {drawFigures && <Anomalies />}
        {counts.lines.length > 0 && (
          <Card withBorder padding="lg" data-testid="dash-count-approvals">
            <Title order={2} fz={22}>
              Counts awaiting approval · {counts.lines.length}
            </Title>
            <Text fz="lg" mt="sm">
              {counts.lines.length === 1 ? 'One count changes' : 'These counts change'} no stock
              until a supervisor approves {counts.lines.length === 1 ? 'it' : 'them'} under Count
              approvals.
            </Text>
            <List spacing="xs" mt="sm">
              {counts.lines.map((l) => (
                <List.Item key={l.pending.id}>
                  <Text fz="lg">
                    {name(l.pending.itemId)} · lot {l.pending.lotCode} ·{' '}
                    {data.locationById.get(l.pending.locationId)?.name ?? l.pending.locationId}
                  </Text>
                </List.Item>
              ))}
            </List>
          </Card>
        )}
      </SimpleGrid>
      {drawFigures && <Indicators />}
    </Stack>
  );
}
