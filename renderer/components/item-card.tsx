import { Badge, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import type { ScanDecision } from '../../shared/recall/scan-decision';
import { useStockData } from '../app/stock-data';
import { productCodeLabel, type ProductScan } from '../scanning/resolve-scan';
import { ExpiryBadge } from './expiry-badge';
import { onHandFigure } from './on-hand-figure';

/**
 * Shown on every product scan: what it is, which lot, how close to expiry, how many are here,
 * and whether a recall or quarantine holds it.
 */
export function ItemCard({
  scan,
  expiry,
  decision,
  hereLocationId,
}: {
  scan: ProductScan;
  expiry: string | undefined;
  decision: ScanDecision | undefined;
  /**
   * The location the person chose on the screen; null where there is none (Look up) or while its
   * select is empty: the card then shows the lot's total across the facility.
   */
  hereLocationId?: string | null;
}) {
  // Today comes from the same live data as the balances, so the expiry band and the counts agree.
  const { balances, locationById, today } = useStockData();
  const itemId = scan.item?.id ?? scan.pending?.id;
  const lotBalances = balances.filter(
    (b) => b.itemId === itemId && b.lotCode === scan.lotCode.trim() && b.onHand !== 0,
  );
  const onHand = onHandFigure(
    lotBalances,
    hereLocationId
      ? {
          locationId: hereLocationId,
          name: locationById.get(hereLocationId)?.name ?? hereLocationId,
        }
      : undefined,
  );
  const recalls =
    decision?.reasons.filter((r) => r.code === 'RECALLED' || r.code === 'LOT_RUN_ON') ?? [];
  const quarantined = lotBalances.reduce((sum, b) => sum + b.quarantined, 0);
  return (
    <Card withBorder padding="lg" radius="md" data-testid="item-card" aria-label="Scanned item">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start">
          <div>
            <Title order={2} fz={26}>
              {scan.item?.name ?? scan.pending?.description ?? 'Unknown product'}
            </Title>
            <Text fz="lg">
              {productCodeLabel(scan)}
              {scan.item?.catalogNumber ? ` · Cat. ${scan.item.catalogNumber}` : ''}
            </Text>
          </div>
          {scan.typed && (
            <Badge size="lg" color="gray.8" data-testid="entered-by-hand">
              Entered by hand
            </Badge>
          )}
          {scan.pending && (
            <Badge size="lg" color="violet.8">
              Pending item — waiting for the centre
            </Badge>
          )}
        </Group>
        <Group gap="md">
          <Text fz={22} fw={700} data-testid="item-lot">
            Lot {scan.lotCode || '—'}
          </Text>
          {scan.serial && <Text fz="lg">Serial {scan.serial}</Text>}
          <ExpiryBadge expiry={expiry} today={today} />
          {recalls.map((r) => (
            <Badge key={r.code + ('noticeId' in r ? r.noticeId : '')} size="lg" color="red.9">
              {r.code === 'RECALLED'
                ? `Recalled · class ${r.class} · ${r.number}`
                : `Separator missing · probably lot ${r.probableLot}${r.class ? ` · recalled class ${r.class}` : ''}`}
            </Badge>
          ))}
          {quarantined > 0 && (
            <Badge size="lg" color="grape.9">
              {quarantined} in quarantine
            </Badge>
          )}
        </Group>
        <Text fz="xl" data-testid="on-hand-here">
          {onHand.label}: <b>{onHand.units}</b>
          {onHand.where ? ` (${onHand.where})` : ''}
        </Text>
        {lotBalances.length > 0 && (
          <Table fz="lg" striped aria-label="Where this lot is">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Location</Table.Th>
                <Table.Th>On hand</Table.Th>
                <Table.Th>Quarantined</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {lotBalances.map((b) => (
                <Table.Tr key={b.id}>
                  <Table.Td>{locationById.get(b.locationId)?.name ?? b.locationId}</Table.Td>
                  <Table.Td>{b.onHand}</Table.Td>
                  <Table.Td>{b.quarantined}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        {decision?.warnings.map((w) => (
          <Text key={w.code + ('noticeId' in w ? w.noticeId : '')} fz="lg" c="#9c3d00" fw={600}>
            {w.message}
          </Text>
        ))}
      </Stack>
    </Card>
  );
}
