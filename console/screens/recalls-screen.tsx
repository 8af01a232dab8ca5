import { Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { FacilityRecallProgress } from '../../shared/console';
import { consoleApi } from '../api/calls';
import { useLive } from '../app/use-live';
import { useLoad } from '../app/use-load';
import { useSession } from '../app/session';
import { DataTable } from '../components/data-table';
import { useFacilityNames } from '../components/use-facility-names';
import { Problem } from '../components/problem';
import { TONE } from '../components/tones';
import { formatTime } from '../components/when';
import { EnterRecall } from './enter-recall';
import { RecallScopeList } from './recall-scope-list';

const units = (n: number | null) => (n === null ? '—' : String(n));

/** Each recall notice and how every facility is getting on with it; late facilities stand out. */
export function RecallsScreen() {
  const { may } = useSession();
  const recalls = useLoad(() => consoleApi.recalls());
  const facilityName = useFacilityNames();
  useLive(recalls.reload);
  return (
    <Stack gap="lg">
      <Title order={1} size="h2">
        Recalls
      </Title>
      {may('exceptions.work') && <EnterRecall onEntered={recalls.reload} />}
      <Problem error={recalls.error} />
      {recalls.data?.recalls.length === 0 && <Text>No recall notice yet.</Text>}
      {recalls.data?.recalls.map((r) => (
        <Paper key={r.noticeId} withBorder p="md" data-testid={`recall-${r.noticeId}`}>
          <Stack gap="sm">
            <Group justify="space-between" wrap="wrap">
              <Title order={2} size="h4">
                {r.number}: {r.title}
              </Title>
              <Group gap="xs">
                <Badge color={r.class === 'I' ? TONE.bad : TONE.warn} variant="filled">
                  Class {r.class}
                </Badge>
                <Badge color={r.status === 'open' ? TONE.info : TONE.neutral} variant="filled">
                  {r.status}
                </Badge>
                {r.lateCount > 0 && (
                  <Badge color={TONE.bad} variant="filled">
                    {r.lateCount} late
                  </Badge>
                )}
              </Group>
            </Group>
            <Text fz="sm">
              Issued {formatTime(r.issuedAt)} by {r.scope.source}
            </Text>
            <RecallScopeList scope={r.scope} />
            <DataTable
              caption={`Progress per facility of ${r.number}: a highlighted row is late`}
              rows={r.facilities}
              rowKey={(f) => f.facilityId}
              attention={(f) => f.late}
              empty="No facility yet."
              columns={[
                { header: 'Facility', cell: (f) => facilityName(f.facilityId) },
                { header: 'Case step', cell: (f) => f.step },
                { header: 'Matched', cell: (f) => units(f.matched) },
                { header: 'Quarantined', cell: (f) => f.quarantined },
                { header: 'Disposed', cell: (f) => units(f.disposed) },
                { header: 'Notice to all-quarantined', cell: quarantineTime },
              ]}
            />
          </Stack>
        </Paper>
      ))}
    </Stack>
  );
}

function quarantineTime(f: FacilityRecallProgress): string {
  if (f.hoursToQuarantine !== null) {
    return `${f.hoursToQuarantine} h${f.late ? ' (late)' : ''}`;
  }
  return f.late ? `Late: due ${formatTime(f.dueAt)}` : `Due ${formatTime(f.dueAt)}`;
}
