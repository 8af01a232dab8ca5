import { Alert, Badge, Button, Group, List, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { CountLine } from '../../shared/inventory/count-reconciliation';

/**
 * The shelf's count task: the lots the ledger expects here, without their quantities (the count
 * stays blind), ticked off as they are counted. "Finish shelf" names the lots nobody scanned and
 * asks before they are counted as 0.
 */
export function ShelfCountTask({
  lines,
  countedKeys,
  nameOf,
  onFinish,
}: {
  lines: readonly CountLine[];
  countedKeys: ReadonlySet<string>;
  nameOf: (itemId: string) => string;
  /** Counts the given lots as 0; resolves to a refusal, if any. */
  onFinish: (notScanned: CountLine[]) => Promise<string | undefined>;
}) {
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string>();
  const missing = lines.filter((l) => !countedKeys.has(l.key));
  const finish = async () => {
    setBusy(true);
    const refusal = await onFinish(missing);
    setBusy(false);
    setProblem(refusal);
    if (!refusal) setAsking(false);
  };
  return (
    <Stack gap="xs" data-testid="shelf-task">
      <Title order={2} fz={22}>
        Lots expected on this shelf · {lines.length - missing.length} of {lines.length} counted
      </Title>
      {lines.length === 0 ? (
        <Text fz="lg">The record holds no stock here: scan whatever you find.</Text>
      ) : (
        <List spacing={4}>
          {lines.map((line) => (
            <List.Item key={line.key} data-testid="shelf-task-line">
              <Group gap="xs">
                <Text fz="lg">
                  {nameOf(line.itemId)} · lot {line.lotCode}
                  {line.expiry ? ` · expires ${line.expiry}` : ''}
                </Text>
                {countedKeys.has(line.key) ? (
                  <Badge color="#1e6b30" size="lg">
                    counted
                  </Badge>
                ) : (
                  <Badge color="gray.7" size="lg">
                    not yet
                  </Badge>
                )}
              </Group>
            </List.Item>
          ))}
        </List>
      )}
      {!asking && lines.length > 0 && (
        <Group>
          <Button size="lg" variant="default" onClick={() => setAsking(true)}>
            Finish shelf
          </Button>
        </Group>
      )}
      {asking && (
        <Alert color="orange" title="Finish this shelf?" data-testid="finish-shelf-confirm">
          {missing.length === 0 ? (
            <Text fz="lg">Every expected lot was counted. The shelf is done.</Text>
          ) : (
            <>
              <Text fz="lg">
                {missing.length === 1 ? 'One lot was' : `${missing.length} lots were`} not scanned.
                Record {missing.length === 1 ? 'it' : 'them'} as 0 (not on the shelf)? Zeros outside
                the tolerance wait for a supervisor before the stock changes.
              </Text>
              <List spacing={2} my="xs">
                {missing.map((l) => (
                  <List.Item key={l.key}>
                    <Text fz="lg" fw={600}>
                      {nameOf(l.itemId)} · lot {l.lotCode}
                    </Text>
                  </List.Item>
                ))}
              </List>
            </>
          )}
          <Group>
            {missing.length > 0 && (
              <Button
                size="lg"
                color="#9c3d00"
                loading={busy}
                autoFocus
                onClick={() => void finish()}
                data-testid="finish-shelf-zero"
              >
                Record {missing.length} as not found
              </Button>
            )}
            <Button
              size="lg"
              variant="default"
              onClick={() => setAsking(false)}
              onKeyDown={(e) => e.key === 'Escape' && setAsking(false)}
            >
              {missing.length > 0 ? 'Keep counting' : 'Close'}
            </Button>
          </Group>
          {problem && (
            <Text fz="lg" fw={700} c="red.9" role="alert">
              {problem}
            </Text>
          )}
        </Alert>
      )}
    </Stack>
  );
}
