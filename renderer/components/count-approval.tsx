import { Alert, Button, Group, PasswordInput, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { beep } from '../scanning/feedback';
import type { StepUpProof } from '../session/step-up';

/**
 * A second person confirms a stock change outside the count tolerance (DOMAIN.md §6): on the
 * counter's screen they scan their badge and enter their PIN. This only asks; the ledger writer
 * verifies both and refuses the counter, an unknown badge or a role that may not approve.
 * The variance itself stays hidden: a count is blind.
 */
export function CountApproval({
  what = 'count',
  onApproved,
  onDefer,
  onCancel,
}: {
  what?: 'count' | 'adjustment';
  /** Records it as awaiting a supervisor instead (counts only); resolves to a refusal, if any. */
  onDefer?: () => Promise<string | undefined>;
  /** Records the change with this proof; resolves to the writer's refusal, if any. */
  onApproved: (proof: StepUpProof) => Promise<string | undefined>;
  onCancel: () => void;
}) {
  const [badge, setBadge] = useState('');
  const [pin, setPin] = useState('');
  const [problem, setProblem] = useState<string>();
  const [busy, setBusy] = useState(false);

  const approve = async () => {
    if (badge.trim() === '' || pin.trim() === '') {
      return setProblem('The second person scans their badge and enters their PIN.');
    }
    setBusy(true);
    const refusal = await onApproved({ badge, pin });
    setBusy(false);
    setPin('');
    if (refusal) {
      beep('warn');
      setBadge('');
      return setProblem(refusal);
    }
    setProblem(undefined);
  };

  return (
    <Alert color="orange" title="Approval needed" data-testid="count-approval">
      <Stack gap="sm">
        <Text fz="lg">
          This {what} is outside the tolerance. A supervisor other than you confirms the stock
          change with their badge and PIN.
          {onDefer &&
            ' No supervisor here? Send it for approval: it is kept as counted and changes no stock until a supervisor approves it.'}
        </Text>
        {onDefer && (
          <Group>
            <Button
              size="lg"
              color="#9c3d00"
              autoFocus
              loading={busy}
              data-testid="count-defer"
              onClick={() => {
                setBusy(true);
                void onDefer().then((refusal) => {
                  setBusy(false);
                  if (refusal) setProblem(refusal);
                });
              }}
            >
              Send for supervisor approval
            </Button>
          </Group>
        )}
        <Group align="flex-end">
          <PasswordInput
            label="Approver's badge"
            size="lg"
            value={badge}
            onChange={(e) => {
              setProblem(undefined);
              setBadge(e.currentTarget.value);
            }}
            autoComplete="off"
          />
          <PasswordInput
            label="Approver's PIN"
            size="lg"
            value={pin}
            onChange={(e) => {
              setProblem(undefined);
              setPin(e.currentTarget.value);
            }}
            autoComplete="off"
          />
          <Button
            size="lg"
            onClick={() => void approve()}
            loading={busy}
            data-testid="count-approve"
          >
            Approve {what}
          </Button>
          <Button size="lg" variant="default" onClick={onCancel}>
            Cancel
          </Button>
        </Group>
        {problem && (
          <Text fz="lg" fw={700} c="red.9" role="alert">
            {problem}
          </Text>
        )}
      </Stack>
    </Alert>
  );
}
