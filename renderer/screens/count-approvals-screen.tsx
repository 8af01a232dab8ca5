import { Button, Group, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { approvalOf, sendBackOf, type CountReviewLine } from '../../shared/inventory/count-review';
import { problemText } from '../app/problem-text';
import { useStockData } from '../app/stock-data';
import { COUNT_REVIEW_DAYS, useCountReviewQueue } from '../app/use-count-review';
import { useRecord } from '../app/use-record';
import { useUserNames } from '../app/use-user-names';
import { ProblemAlert } from '../components/problem-alert';
import { beep } from '../scanning/feedback';
import { when } from '../app/when';

const signed = (n: number) => (n > 0 ? `+${n}` : String(n));
/** Item costs are in the facility's currency, which the item master does not name. */
const money = (n: number | undefined) => (n === undefined ? '—' : n.toFixed(2));

/**
 * The supervisor's queue of counts taken outside the tolerance while nobody could approve them.
 * Here, and only here, the book quantity and the variance are shown: the count itself was blind.
 * Approving changes the stock by the variance; sending back changes nothing and says why.
 */
export function CountApprovalsScreen() {
  const { lines, loading } = useCountReviewQueue();
  const data = useStockData();
  const nameOf = useUserNames();
  const record = useRecord();
  const [sendingBack, setSendingBack] = useState<string>();
  const [note, setNote] = useState('');
  const [problem, setProblem] = useState<string>();
  const [done, setDone] = useState<string[]>([]);

  const label = (line: CountReviewLine) =>
    `${data.itemById.get(line.pending.itemId)?.name ?? line.pending.itemId} · lot ${line.pending.lotCode} · ${data.locationById.get(line.pending.locationId)?.name ?? line.pending.locationId}`;

  const decide = async (line: CountReviewLine, approve: boolean) => {
    if (!approve && note.trim() === '') {
      return setProblem('Say why it goes back (for example "recount shelf 3"), then send it back.');
    }
    const draft = approve ? approvalOf(line.pending) : sendBackOf(line.pending, note.trim());
    const result = await record([{ ...draft, decides: line.pending.id }]);
    if (!result.ok) {
      beep('warn');
      return setProblem(problemText(result.problems));
    }
    beep('ok');
    setProblem(undefined);
    setSendingBack(undefined);
    setNote('');
    setDone((d) => [
      ...d,
      `${label(line)}: ${approve ? `approved, stock ${signed(line.variance)}` : 'sent back'}`,
    ]);
  };

  return (
    <Stack gap="md">
      <Title order={1}>Count approvals</Title>
      <Text fz="lg">
        Counts outside the tolerance wait here and change no stock until you approve them. You
        cannot approve a count you took yourself. Counts older than {COUNT_REVIEW_DAYS} days are
        shown by the centre only.
      </Text>
      <ProblemAlert message={problem} />
      {!loading && lines.length === 0 && (
        <Text fz="lg" data-testid="count-approvals-empty">
          No counts are waiting for approval.
        </Text>
      )}
      {lines.length > 0 && (
        <Table fz="lg" striped aria-label="Counts awaiting approval" data-testid="count-approvals">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Item, lot and place</Table.Th>
              <Table.Th>Counted by</Table.Th>
              <Table.Th ta="right">Book</Table.Th>
              <Table.Th ta="right">Counted</Table.Th>
              <Table.Th ta="right">Variance</Table.Th>
              <Table.Th ta="right">Value at cost</Table.Th>
              <Table.Th>Decision</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {lines.map((line) => (
              <Table.Tr key={line.pending.id} data-testid="count-approval-line">
                <Table.Td miw={260}>
                  <Text fz="lg" fw={600}>
                    {data.itemById.get(line.pending.itemId)?.name ?? line.pending.itemId}
                  </Text>
                  <Text fz="md">
                    lot {line.pending.lotCode} ·{' '}
                    {data.locationById.get(line.pending.locationId)?.name ??
                      line.pending.locationId}
                  </Text>
                </Table.Td>
                <Table.Td>
                  {nameOf(line.pending.actorId)}
                  <Text fz="sm">{when(line.pending.occurredAt)}</Text>
                </Table.Td>
                <Table.Td ta="right">{line.book}</Table.Td>
                <Table.Td ta="right">{line.counted}</Table.Td>
                <Table.Td ta="right" fw={700} c={line.variance < 0 ? 'red.9' : undefined}>
                  {signed(line.variance)}
                </Table.Td>
                <Table.Td ta="right">{money(line.value)}</Table.Td>
                <Table.Td>
                  {sendingBack === line.pending.id ? (
                    <Group align="flex-end" gap="xs">
                      <TextInput
                        label="Why it goes back"
                        value={note}
                        maxLength={200}
                        onChange={(e) => {
                          setProblem(undefined);
                          setNote(e.currentTarget.value);
                        }}
                        onKeyDown={(e) => {
                          if (e.key === 'Enter') void decide(line, false);
                          if (e.key === 'Escape') setSendingBack(undefined);
                        }}
                        data-autofocus
                        autoFocus
                      />
                      <Button color="#9c3d00" onClick={() => void decide(line, false)}>
                        Send back
                      </Button>
                      <Button variant="default" onClick={() => setSendingBack(undefined)}>
                        Cancel
                      </Button>
                    </Group>
                  ) : (
                    <Group gap="xs" wrap="nowrap">
                      <Button
                        onClick={() => void decide(line, true)}
                        data-testid="count-approve-later"
                      >
                        Approve
                      </Button>
                      <Button
                        variant="default"
                        onClick={() => {
                          setProblem(undefined);
                          setSendingBack(line.pending.id);
                        }}
                      >
                        Send back…
                      </Button>
                    </Group>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {done.length > 0 && (
        <Stack gap={4} data-testid="count-approvals-done" aria-live="polite">
          {done.map((d) => (
            <Text key={d} fz="lg">
              {d}
            </Text>
          ))}
        </Stack>
      )}
    </Stack>
  );
}
