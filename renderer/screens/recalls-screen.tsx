import { Alert, Badge, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useMemo } from 'react';
import { closingReport } from '../../shared/recall/closing-report';
import { flagIssuedLots } from '../../shared/recall/issued-lot-flags';
import { matchStock } from '../../shared/recall/stock-match';
import { sweepVerdict, type SweepVerdict } from '../../shared/recall/sweep-verdict';
import { useScanDecision } from '../app/use-scan-decision';
import type { ProductScan } from '../scanning/resolve-scan';
import type { RecallNotice } from '../../shared/model';
import { useServices } from '../app/services';
import { useStockData } from '../app/stock-data';
import { useLiveQuery } from '../app/use-live';
import { useProductScan } from '../app/use-product-scan';
import { RecallCasePanel } from '../components/recall-case-panel';
import { RecallClosingReport } from '../components/recall-closing-report';
import { ScanPrompt } from '../components/scan-prompt';
import { SweepToQuarantine } from '../components/sweep-to-quarantine';
import { beep } from '../scanning/feedback';

function NoticeCard({ notice }: { notice: RecallNotice }) {
  const { db } = useServices();
  const data = useStockData();
  const match = useMemo(
    () => matchStock(notice, data.balances, data.items),
    [notice, data.balances, data.items],
  );
  const { docs: cases } = useLiveQuery(db.recall_cases, { selector: { noticeId: notice.id } });
  const { docs: issues } = useLiveQuery(db.stock_events, { selector: { type: 'issue' } });
  const rc = cases[0];
  const report = useMemo(() => {
    if (rc?.step !== 'closed') return undefined;
    const flags = flagIssuedLots(issues, [notice], data.items).find(
      (f) => f.noticeId === notice.id,
    );
    return flags ? closingReport(rc, notice, match, flags) : undefined;
  }, [rc, issues, notice, data.items, match]);
  return (
    <Card withBorder padding="lg" data-testid={`notice-${notice.id}`}>
      <Stack gap="sm">
        <Group>
          <Badge size="xl" color="red.9">
            Class {notice.class}
          </Badge>
          <Title order={2} fz={24}>
            {notice.number}: {notice.title}
          </Title>
        </Group>
        <Text fz="lg">{notice.instructions}</Text>
        <Text fz="lg" fw={700} data-testid="recall-totals">
          {match.totals.onHand} on hand · {match.totals.quarantined} quarantined ·{' '}
          {match.totals.toQuarantine} still to quarantine
        </Text>
        <Table fz="lg" aria-label={`Stock matching ${notice.number}`}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Location</Table.Th>
              <Table.Th>Item · lot</Table.Th>
              <Table.Th>On hand</Table.Th>
              <Table.Th>Quarantined</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {match.locations
              .flatMap((l) => l.lots)
              .map((lot) => (
                <Table.Tr key={`${lot.locationId}|${lot.itemId}|${lot.lotCode}`}>
                  <Table.Td>
                    {data.locationById.get(lot.locationId)?.name ?? lot.locationId}
                  </Table.Td>
                  <Table.Td>
                    {data.itemById.get(lot.itemId)?.name ?? lot.itemId} · {lot.lotCode}
                  </Table.Td>
                  <Table.Td>{lot.onHand}</Table.Td>
                  <Table.Td>{lot.quarantined}</Table.Td>
                </Table.Tr>
              ))}
          </Table.Tbody>
        </Table>
        <RecallCasePanel notice={notice} match={match} rc={rc} />
        {report &&
          (report.ok ? (
            <RecallClosingReport report={report.value} />
          ) : (
            <Alert color="red" role="alert">
              {report.error.message}
            </Alert>
          ))}
      </Stack>
    </Card>
  );
}

/** Open recall notices, the stock they match by location, and each facility case's steps. */
export function RecallsScreen() {
  const data = useStockData();
  const judge = useScanDecision('transfer');
  const verdictOf = (s: ProductScan): SweepVerdict =>
    s.item
      ? sweepVerdict(
          s.lotCode,
          data.recallIndex.isRecalled(s.item.id, s.lotCode),
          judge.decisionFor(s),
        )
      : { recalled: false };
  const { scan, error } = useProductScan((s) => beep(verdictOf(s).recalled ? 'stop' : 'ok'));
  const verdict = scan ? verdictOf(scan) : { recalled: false as const };
  return (
    <Stack gap="md">
      <Title order={1}>Recalls</Title>
      <ScanPrompt error={error}>
        Sweep: scan units on the shelves to check them against open recalls.
      </ScanPrompt>
      {scan && (
        <Alert
          color={verdict.recalled ? 'red.9' : '#1e6b30'}
          variant="filled"
          role="status"
          data-testid="sweep-result"
          title={verdict.recalled ? 'Recalled: put it in quarantine' : 'Not recalled'}
        >
          <Text fz="lg">
            {scan.item?.name ?? 'Unknown product'} · lot {scan.lotCode || '—'}
            {verdict.recalled &&
              verdict.notices.map((n) => ` · notice ${n.number} (class ${n.class})`).join('')}
          </Text>
          {verdict.recalled && verdict.runOn && <Text fz="lg">{verdict.runOn}</Text>}
        </Alert>
      )}
      {scan?.item && verdict.recalled && (
        <SweepToQuarantine
          key={`${scan.item.id}|${verdict.lotCode}`}
          itemId={scan.item.id}
          lotCode={verdict.lotCode}
          noticeId={verdict.noticeId}
        />
      )}
      {data.openNotices.length === 0 && <Text fz="lg">No open recalls.</Text>}
      {data.openNotices.map((notice) => (
        <NoticeCard key={notice.id} notice={notice} />
      ))}
    </Stack>
  );
}
