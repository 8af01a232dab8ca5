import {
  Badge,
  Button,
  Chip,
  Group,
  List,
  SegmentedControl,
  Select,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import {
  AGE_BAND_WORDS,
  AGE_BANDS,
  ageBand,
  countByBand,
  exceptionSummaryAt as summaryAt,
  EXCEPTION_KIND_WORDS,
  EXCEPTION_KINDS,
  type AgeBand,
  type ExceptionItem,
  type ExceptionKind,
  type ExceptionSearch,
} from '../../shared/console';
import { consoleApi } from '../api/calls';
import type { ApiError } from '../api/http';
import { useLive } from '../app/use-live';
import { useLoad } from '../app/use-load';
import { useNow } from '../app/use-now';
import { useSession } from '../app/session';
import { DataTable } from '../components/data-table';
import { Problem } from '../components/problem';
import { TONE } from '../components/tones';
import { ResolveDialog } from './resolve-exception-dialog';
import { When, formatInstant } from '../components/when';
import { isolatedName } from '../../shared/console/isolated-name';

type StateFilter = NonNullable<ExceptionSearch['state']>;
const STATE_COLOUR = { open: TONE.bad, owned: TONE.info, resolved: TONE.ok } as const;

/** One queue of everything that needs a person: filter it, take an item, resolve it with a comment. */
export function ExceptionsScreen() {
  const { may, state: session } = useSession();
  const me = session.phase === 'signed-in' ? session.user.username : undefined;
  const [kind, setKind] = useState<ExceptionKind | null>(null);
  const [facilityId, setFacilityId] = useState<string | null>(null);
  const [band, setBand] = useState<AgeBand | null>(null);
  const [state, setState] = useState<StateFilter>('active');
  // The age band is chosen here, not at the endpoint: an item ages into the next band while the
  // page stays open, and its chip's count and the filter follow without a reload.
  const search: ExceptionSearch = {
    state,
    ...(kind ? { kind } : {}),
    ...(facilityId ? { facilityId } : {}),
  };
  const queue = useLoad(() => consoleApi.exceptions(search));
  const facilities = useLoad(() => consoleApi.facilities());
  useLive(queue.reload);
  const [problem, setProblem] = useState<ApiError>();
  const [resolving, setResolving] = useState<ExceptionItem>();
  const filters = JSON.stringify(search);
  const { reload } = queue;
  const first = useRef(true);
  useEffect(() => {
    if (first.current) first.current = false;
    else reload();
  }, [filters, reload]);
  const act = async (work: () => Promise<unknown>) => {
    setProblem(undefined);
    try {
      await work();
    } catch (error) {
      setProblem(error as ApiError);
    }
    queue.reload();
  };
  const now = useNow();
  const nowIso = now.toISOString();
  const all = queue.data?.items ?? [];
  const bandCounts = countByBand(all, nowIso);
  const items = band ? all.filter((i) => ageBand(i.detectedAt, nowIso) === band) : all;
  const facilityOf = (i: ExceptionItem) => {
    if (!i.facilityId) return 'the centre';
    const name = facilities.data?.facilities.find((f) => f.id === i.facilityId)?.name;
    return name ? `${isolatedName(name)} (${i.facilityId})` : i.facilityId;
  };
  const works = may('exceptions.work');
  return (
    <Stack gap="lg">
      <Title order={1} size="h2">
        Exceptions
      </Title>
      <Text>
        Everything at the centre that needs a person. Take an item to own it, then resolve it with a
        comment; a resolved item keeps its history.
      </Text>
      <Group align="flex-end" wrap="wrap">
        <Select
          label="Type"
          placeholder="Every type"
          clearable
          data={EXCEPTION_KINDS.map((k) => ({ value: k, label: EXCEPTION_KIND_WORDS[k] }))}
          value={kind}
          onChange={(v) => setKind(v as ExceptionKind | null)}
          w={260}
        />
        <Select
          label="Facility"
          placeholder="Every facility"
          clearable
          searchable
          data={(facilities.data?.facilities ?? []).map((f) => ({
            value: f.id,
            label: `${isolatedName(f.name)} (${f.id})`,
          }))}
          value={facilityId}
          onChange={setFacilityId}
          w={280}
        />
        <Stack gap={4}>
          <Text fz="sm" fw={500} id="exception-state-label">
            Show
          </Text>
          <SegmentedControl
            aria-labelledby="exception-state-label"
            value={state}
            onChange={(v) => setState(v as StateFilter)}
            data={[
              { value: 'active', label: 'Needing a person' },
              { value: 'open', label: 'Open' },
              { value: 'owned', label: 'Owned' },
              { value: 'resolved', label: 'Resolved' },
            ]}
          />
        </Stack>
      </Group>
      <Group gap="xs" role="group" aria-label="Age band">
        <Chip checked={band === null} onChange={() => setBand(null)} variant="outline">
          Any age
        </Chip>
        {AGE_BANDS.map((b) => (
          <Chip
            key={b}
            checked={band === b}
            onChange={() => setBand(band === b ? null : b)}
            variant="outline"
            data-testid={`band-${b}`}
          >
            {AGE_BAND_WORDS[b]}: {bandCounts[b]}
          </Chip>
        ))}
      </Group>
      <Problem error={queue.error ?? problem} />
      <DataTable
        caption="Exceptions, oldest first"
        testId="exceptions-table"
        rows={items}
        rowKey={(i) => i.id}
        attention={(i) => i.state === 'open'}
        empty={
          queue.loading && !queue.data ? 'Loading exceptions…' : 'Nothing here needs a person.'
        }
        columns={[
          { header: 'Type', cell: (i) => EXCEPTION_KIND_WORDS[i.kind] },
          {
            header: 'Facility',
            cell: facilityOf,
            sortValue: facilityOf,
          },
          {
            header: 'What',
            cell: (i) => (
              <Stack gap={2}>
                <Text fz="sm">{summaryAt(i, now)}</Text>
                {i.conditionCleared && (
                  <Text fz="xs" c="dimmed">
                    The condition has since cleared.
                  </Text>
                )}
                {i.history.length > 0 && (
                  <List size="xs" aria-label={`History of ${i.id}`}>
                    {i.history.map((s) => (
                      <List.Item key={`${s.step}-${s.at}`}>
                        {s.step === 'taken' ? 'Taken' : 'Resolved'} by {s.byName},{' '}
                        {formatInstant(s.at)}
                        {s.comment ? `: “${s.comment}”` : ''}
                      </List.Item>
                    ))}
                  </List>
                )}
              </Stack>
            ),
          },
          {
            header: 'Age',
            cell: (i) => <When iso={i.detectedAt} now={now} />,
            // Ascending is the youngest first, as an age reads.
            sortValue: (i) => -Date.parse(i.detectedAt),
          },
          {
            header: 'State',
            cell: (i) => (
              <Badge
                color={STATE_COLOUR[i.state]}
                variant="filled"
                style={{ minWidth: 'max-content' }}
              >
                {i.state}
              </Badge>
            ),
          },
          { header: 'Owner', cell: (i) => i.ownerName ?? 'nobody' },
          ...(works && state !== 'resolved'
            ? [
                {
                  header: 'Act',
                  cell: (i: ExceptionItem) =>
                    i.state === 'resolved' ? null : (
                      <Group gap="xs" wrap="nowrap">
                        {i.owner !== me && (
                          <Button
                            size="sm"
                            variant="light"
                            aria-label={`Take ownership of ${summaryAt(i, now)}`}
                            onClick={() => void act(() => consoleApi.takeException(i.id))}
                          >
                            {i.owner ? 'Take over' : 'Take ownership'}
                          </Button>
                        )}
                        {i.owner === me && (
                          <Button
                            size="sm"
                            aria-label={`Resolve ${summaryAt(i, now)}`}
                            onClick={() => setResolving(i)}
                          >
                            Resolve…
                          </Button>
                        )}
                      </Group>
                    ),
                },
              ]
            : []),
        ]}
      />
      {resolving && (
        <ResolveDialog
          item={resolving}
          onClose={() => setResolving(undefined)}
          onResolved={() => {
            setResolving(undefined);
            queue.reload();
          }}
        />
      )}
    </Stack>
  );
}
