import {
  Alert,
  Badge,
  Button,
  Group,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { auditRangeReversed, type AuditEntry, type AuditSearch } from '../../shared/console';
import { auditQuery, consoleApi } from '../api/calls';
import { useLoad } from '../app/use-load';
import { DataTable } from '../components/data-table';
import { Problem } from '../components/problem';
import { formatTime } from '../components/when';
import { TONE } from '../components/tones';
import { auditActorWords } from '../../shared/console/people-words';

const OUTCOME_COLOUR: Record<string, string> = {
  accepted: TONE.ok,
  refused: TONE.warn,
  failed: TONE.bad,
  alarm: TONE.bad,
};

const EMPTY = {
  who: '',
  what: '',
  facility: '',
  device: '',
  address: '',
  outcome: '',
  since: '',
  until: '',
};
type Form = typeof EMPTY;

const inWords = (day: string) =>
  new Date(`${day}T00:00:00`).toLocaleDateString(undefined, {
    year: 'numeric',
    month: 'long',
    day: 'numeric',
  });

function searchOf(form: Form): AuditSearch {
  const day = (d: string) => (d ? new Date(`${d}T00:00:00`).toISOString() : undefined);
  const dayAfter = (d: string) =>
    d ? new Date(new Date(`${d}T00:00:00`).getTime() + 86_400_000).toISOString() : undefined;
  const text = (s: string) => s.trim() || undefined;
  return {
    who: text(form.who),
    what: text(form.what),
    facility: text(form.facility),
    device: text(form.device),
    address: text(form.address),
    outcome: (form.outcome || undefined) as AuditSearch['outcome'],
    since: day(form.since),
    until: dayAfter(form.until),
    limit: 200,
  };
}

/** The audit log searched by who, what, when, facility, device, address and outcome; CSV export. */
export function AuditScreen() {
  const [form, setForm] = useState<Form>(EMPTY);
  const [search, setSearch] = useState<AuditSearch>({ limit: 200 });
  const entries = useLoad(() => consoleApi.audit(search));
  const field = (name: keyof Form) => ({
    value: form[name],
    onChange: (e: { currentTarget: { value: string } }) =>
      setForm({ ...form, [name]: e.currentTarget.value }),
  });
  const [reversed, setReversed] = useState<string>();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const wanted = searchOf(form);
    if (auditRangeReversed(wanted.since, wanted.until)) {
      setReversed(
        `Nothing was searched: From (${inWords(form.since)}) is after To (${inWords(form.until)}), so no line could match. Swap the two dates, or clear one of them.`,
      );
      return;
    }
    setReversed(undefined);
    setSearch(wanted);
    entries.reload();
  };
  const { limit: _limit, ...csvSearch } = search;
  return (
    <Stack gap="lg">
      <Title order={1} size="h2">
        Audit log
      </Title>
      <Paper withBorder p="md">
        <form onSubmit={submit} aria-label="Search the audit log">
          <SimpleGrid cols={{ base: 2, md: 4 }}>
            <TextInput label="Who (actor)" {...field('who')} />
            <TextInput label="What (action)" {...field('what')} />
            <TextInput label="Facility" {...field('facility')} />
            <TextInput label="Device" {...field('device')} />
            <TextInput label="Address (IP)" {...field('address')} />
            <Select
              label="Outcome"
              data={[
                { value: '', label: 'Any' },
                { value: 'accepted', label: 'Accepted' },
                { value: 'refused', label: 'Refused' },
                { value: 'failed', label: 'Failed' },
                { value: 'alarm', label: 'Alarm' },
              ]}
              value={form.outcome}
              onChange={(value) => setForm({ ...form, outcome: value ?? '' })}
              allowDeselect={false}
            />
            <TextInput
              label="From (date)"
              type="date"
              {...field('since')}
              error={reversed ? 'Later than To' : undefined}
            />
            <TextInput
              label="To (date)"
              type="date"
              {...field('until')}
              error={reversed ? 'Earlier than From' : undefined}
            />
          </SimpleGrid>
          <Group mt="md">
            <Button type="submit">Search</Button>
            <Button
              variant="default"
              onClick={() => {
                setReversed(undefined);
                setForm(EMPTY);
                setSearch({ limit: 200 });
                entries.reload();
              }}
            >
              Clear
            </Button>
            <Button
              component="a"
              variant="light"
              href={`/v1/admin/audit.csv?${auditQuery(csvSearch)}`}
              download="audit.csv"
            >
              Export CSV
            </Button>
          </Group>
        </form>
      </Paper>
      {reversed ? (
        <Alert color="red" title="The dates are the wrong way round" role="alert">
          {reversed}
        </Alert>
      ) : (
        <Problem error={entries.error} />
      )}
      {/* The last search's lines would read as the answer to the refused one. */}
      {!reversed && (
        <>
          <Text>
            {entries.data
              ? `${entries.data.entries.length === 1 ? '1 line' : `${entries.data.entries.length} lines`}, newest first${entries.data.entries.length === 200 ? ' (the newest 200: narrow the search, or export CSV)' : ''}`
              : ''}
          </Text>
          <DataTable<AuditEntry>
            caption="Audit lines"
            testId="audit-table"
            rows={entries.data?.entries ?? []}
            rowKey={(e) => String(e.id)}
            attention={(e) => e.outcome === 'alarm' || e.outcome === 'failed'}
            empty={entries.loading ? 'Searching…' : 'No line matches.'}
            columns={[
              { header: 'When', cell: (e) => formatTime(e.at) },
              { header: 'Who', cell: (e) => auditActorWords(e.actorType, e.actorId) },
              { header: 'What', cell: (e) => e.action },
              { header: 'Target', cell: (e) => e.target ?? '' },
              { header: 'Address', cell: (e) => e.ip ?? '' },
              {
                header: 'Outcome',
                cell: (e) => (
                  <Badge color={OUTCOME_COLOUR[e.outcome] ?? TONE.neutral} variant="filled">
                    {e.outcome}
                    {e.status ? ` ${e.status}` : ''}
                  </Badge>
                ),
              },
              {
                header: 'Detail',
                cell: (e) => (
                  <Text fz="sm" style={{ wordBreak: 'break-word', maxWidth: 360 }}>
                    {e.detail ? JSON.stringify(e.detail) : ''}
                  </Text>
                ),
              },
            ]}
          />
        </>
      )}
    </Stack>
  );
}
