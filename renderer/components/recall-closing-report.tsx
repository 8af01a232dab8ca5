import {
  Alert,
  Badge,
  Button,
  Group,
  List,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import type { ClosingReport } from '../../shared/recall/closing-report';
import type { RecallCaseStep } from '../../shared/model';
import { useStockData } from '../app/stock-data';
import { useUserNames } from '../app/use-user-names';
import { when } from '../app/when';

const STEP_NAME: Record<RecallCaseStep, string> = {
  received: 'Notice received',
  matched: 'Matched against stock',
  located: 'Stock located',
  quarantined: 'All matched units quarantined',
  counted: 'Quarantined units counted',
  acknowledged: 'Acknowledged to the source',
  disposed: 'Disposed',
  closed: 'Case closed',
};

const DISPOSITION: Record<NonNullable<ClosingReport['disposition']>, string> = {
  'return-to-supplier': 'Returned to supplier',
  destroy: 'Destroyed',
};

/** "2 h 05 min", "12 min", "under 1 min": auditors compare response times against policy in hours. */
export function formatDuration(ms: number | null): string {
  if (ms === null) return 'not reached';
  const minutes = Math.floor(ms / 60_000);
  if (minutes < 1) return 'under 1 min';
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return hours === 0 ? `${minutes} min` : `${hours} h ${String(rest).padStart(2, '0')} min`;
}

const unitsText = (n: number | null) => (n === null ? '—' : String(n));

function Figure({ label, value, testId }: { label: string; value: string; testId: string }) {
  return (
    <Stack gap={0} data-testid={testId}>
      <Text fz="sm" c="dimmed" fw={600} tt="uppercase">
        {label}
      </Text>
      <Text fz={26} fw={700}>
        {value}
      </Text>
    </Stack>
  );
}

/** The closing report of a recall case, laid out to be read, signed and printed. */
export function RecallClosingReport({ report }: { report: ClosingReport }) {
  const data = useStockData();
  const nameOf = useUserNames();
  const place = (id: string | null) =>
    id === null ? 'Department not recorded' : (data.locationById.get(id)?.name ?? id);
  const itemName = (id: string) => data.itemById.get(id)?.name ?? id;
  const { notice, units, responseTimes } = report;
  // What the case matched when the step was taken; the live match drops to 0 once units are disposed.
  const matchedUnits = report.steps.find((s) => s.step === 'matched')?.units ?? units.matchedOnHand;

  return (
    <Stack gap="md" data-testid="recall-report" className="recall-report print-alone">
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Title order={3} fz={24}>
            Recall closing report
          </Title>
          <Group gap="xs">
            <Badge size="lg" color="red.9">
              Class {notice.class}
            </Badge>
            <Text fz="lg" fw={700} data-testid="report-notice">
              {notice.number}: {notice.title}
            </Text>
          </Group>
          <Text fz="md">
            Source {notice.source} · issued {when(notice.issuedAt)} · effective{' '}
            {when(notice.effectiveAt)}
          </Text>
          <Text fz="md">
            Case {report.caseId} · facility{' '}
            {data.locationById.get(report.facilityId)?.name ?? report.facilityId}
          </Text>
          <Text fz="md" fw={600} data-testid="report-status">
            {report.closed ? 'Case closed' : 'Case still open'}
            {report.disposition ? ` · ${DISPOSITION[report.disposition]}` : ''}
          </Text>
        </Stack>
        <Button size="lg" variant="default" onClick={() => window.print()} className="no-print">
          Print
        </Button>
      </Group>

      <SimpleGrid cols={{ base: 2, sm: 5 }} data-testid="report-units">
        <Figure label="Matched" value={unitsText(matchedUnits)} testId="report-matched" />
        <Figure label="Quarantined" value={String(units.quarantined)} testId="report-quarantined" />
        <Figure label="Counted" value={unitsText(units.counted)} testId="report-counted" />
        <Figure label="Disposed" value={unitsText(units.disposed)} testId="report-disposed" />
        <Figure
          label="Still to quarantine now"
          value={String(units.stillToQuarantine)}
          testId="report-still"
        />
      </SimpleGrid>

      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Figure
          label="Reached this stockroom → all quarantined"
          value={formatDuration(responseTimes.receivedToQuarantinedMs)}
          testId="report-time-quarantined"
        />
        <Figure
          label="Reached this stockroom → closed"
          value={formatDuration(responseTimes.receivedToClosedMs)}
          testId="report-time-closed"
        />
        <Figure
          label="Recall effective → all quarantined"
          value={formatDuration(responseTimes.effectiveToQuarantinedMs)}
          testId="report-time-effective-quarantined"
        />
        <Figure
          label="Recall effective → closed"
          value={formatDuration(responseTimes.effectiveToClosedMs)}
          testId="report-time-effective-closed"
        />
      </SimpleGrid>

      <Title order={4} fz={20}>
        Steps
      </Title>
      <Table
        fz="md"
        striped
        withTableBorder
        aria-label="Recall case steps taken"
        data-testid="report-steps"
      >
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Step</Table.Th>
            <Table.Th>When</Table.Th>
            <Table.Th>By</Table.Th>
            <Table.Th>Units</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {report.steps.map((s) => (
            <Table.Tr key={s.step}>
              <Table.Td>
                {STEP_NAME[s.step]}
                {s.note ? ` (${s.note})` : ''}
              </Table.Td>
              <Table.Td>{when(s.at)}</Table.Td>
              <Table.Td>{nameOf(s.by)}</Table.Td>
              <Table.Td>{s.units ?? ''}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {report.skippedSteps.length > 0 && (
        <Text fz="md">
          Skipped (nothing to do): {report.skippedSteps.map((s) => STEP_NAME[s]).join(', ')}
        </Text>
      )}

      <Title order={4} fz={20}>
        Units issued before the notice
      </Title>
      {report.issuedBeforeNotice.length === 0 ? (
        <Text fz="md" data-testid="report-issued-before">
          None: no unit of the recalled lots went to a department before the notice.
        </Text>
      ) : (
        <Table
          fz="md"
          withTableBorder
          aria-label="Units issued before the notice"
          data-testid="report-issued-before"
        >
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Department</Table.Th>
              <Table.Th>Units</Table.Th>
              <Table.Th>Item · lot</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {report.issuedBeforeNotice.map((d) => (
              <Table.Tr key={d.department ?? '-'}>
                <Table.Td>{place(d.department)}</Table.Td>
                <Table.Td>{d.units}</Table.Td>
                <Table.Td>
                  {d.lots
                    .map((l) => `${itemName(l.itemId)} · ${l.lotCode} (${l.units})`)
                    .join('; ')}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}

      <Title order={4} fz={20}>
        Units issued after the recall took effect
      </Title>
      {report.issuedAfterEffective.length === 0 ? (
        <Text fz="md" data-testid="report-issued-after">
          None.
        </Text>
      ) : (
        <Table
          fz="md"
          withTableBorder
          aria-label="Units issued after the recall took effect"
          data-testid="report-issued-after"
        >
          <Table.Thead>
            <Table.Tr>
              <Table.Th>When</Table.Th>
              <Table.Th>Department</Table.Th>
              <Table.Th>Item · lot</Table.Th>
              <Table.Th>Units</Table.Th>
              <Table.Th>By</Table.Th>
              <Table.Th>Flag</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {report.issuedAfterEffective.map((f) => (
              <Table.Tr key={f.eventId}>
                <Table.Td>{when(f.occurredAt)}</Table.Td>
                <Table.Td>{place(f.department ?? null)}</Table.Td>
                <Table.Td>
                  {itemName(f.itemId)} · {f.lotCode}
                </Table.Td>
                <Table.Td>{f.quantity}</Table.Td>
                <Table.Td>{nameOf(f.actorId)}</Table.Td>
                <Table.Td>
                  <Badge color={f.reversed ? 'gray.8' : 'red.9'}>
                    {f.reversed ? 'Reversed' : 'Issued after recall'}
                  </Badge>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}

      {report.openPoints.length > 0 ? (
        <Alert color="orange" title="Open points before sign-off" data-testid="report-open-points">
          <List fz="md">
            {report.openPoints.map((p) => (
              <List.Item key={p}>{p}</List.Item>
            ))}
          </List>
        </Alert>
      ) : (
        <Text fz="md" fw={600} data-testid="report-open-points">
          No open points.
        </Text>
      )}
    </Stack>
  );
}
