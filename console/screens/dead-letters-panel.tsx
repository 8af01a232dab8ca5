import { Button, Checkbox, Group, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { consoleApi, type DeadLetter } from '../api/calls';
import type { ApiError } from '../api/http';
import { useLive } from '../app/use-live';
import { useLoad } from '../app/use-load';
import { useSession } from '../app/session';
import { DataTable } from '../components/data-table';
import { Problem } from '../components/problem';
import { formatTime } from '../components/when';

function reason(letter: DeadLetter): string {
  const status = letter.lastStatus ? `HTTP ${letter.lastStatus}` : null;
  return [letter.lastError, status].filter(Boolean).join(', ') || 'unknown';
}

/** Deliveries that failed for good, with why; replayed one at a time or selected together. */
export function DeadLettersPanel() {
  const { may } = useSession();
  const manages = may('webhooks.manage');
  const letters = useLoad(() => consoleApi.deadLetters());
  useLive(letters.reload);
  const [selected, setSelected] = useState<number[]>([]);
  const [problem, setProblem] = useState<ApiError>();
  const [done, setDone] = useState<string>();
  const rows = letters.data?.deadLetters ?? [];
  const chosen = selected.filter((id) => rows.some((r) => r.id === id));
  const replay = async (ids: number[]) => {
    setProblem(undefined);
    try {
      const answer = await consoleApi.replayDeadLetters(ids);
      setDone(
        `${answer.replayed.length} sent again${answer.notDead.length ? `; ${answer.notDead.length} no longer dead` : ''}.`,
      );
      setSelected((s) => s.filter((id) => !ids.includes(id)));
    } catch (error) {
      setProblem(error as ApiError);
    }
    letters.reload();
  };
  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Title order={2} size="h3">
          Dead letters
        </Title>
        {manages && rows.length > 0 && (
          <Button
            disabled={chosen.length === 0}
            onClick={() => void replay(chosen)}
            data-testid="replay-selected"
          >
            Replay selected ({chosen.length})
          </Button>
        )}
      </Group>
      {done && (
        <Text role="status" data-testid="replay-outcome">
          {done}
        </Text>
      )}
      <Problem error={letters.error ?? problem} />
      <DataTable
        caption="Deliveries that failed their last attempt"
        testId="dead-letters-table"
        rows={rows}
        rowKey={(d) => String(d.id)}
        attention={() => true}
        empty={
          letters.loading
            ? 'Loading dead letters…'
            : 'No dead letter: every delivery arrived or is still being tried.'
        }
        columns={[
          ...(manages
            ? [
                {
                  header: 'Select',
                  cell: (d: DeadLetter) => (
                    <Checkbox
                      aria-label={`Select dead letter ${d.id}`}
                      checked={chosen.includes(d.id)}
                      onChange={(e) => {
                        // Read now: React may run the updater after the event, when
                        // currentTarget is already null (it did, under load, in CI).
                        const checked = e.currentTarget.checked;
                        setSelected((s) =>
                          checked ? [...s, d.id] : s.filter((id) => id !== d.id),
                        );
                      }}
                    />
                  ),
                },
              ]
            : []),
          { header: 'Event', cell: (d) => d.eventType },
          { header: 'To', cell: (d) => <Text style={{ wordBreak: 'break-all' }}>{d.url}</Text> },
          { header: 'Reason', cell: reason },
          { header: 'Attempts', cell: (d) => d.attempts },
          { header: 'Failed', cell: (d) => formatTime(d.failedAt) },
          ...(manages
            ? [
                {
                  header: 'Act',
                  cell: (d: DeadLetter) => (
                    <Button
                      size="sm"
                      variant="light"
                      aria-label={`Replay dead letter ${d.id}`}
                      onClick={() => void replay([d.id])}
                    >
                      Replay
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
    </Stack>
  );
}
