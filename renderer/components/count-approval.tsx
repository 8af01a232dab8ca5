import { Alert, Button, Group, PasswordInput, Select, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { approveCountAdjustment } from '../../shared/inventory/adjustment-approval';
import { can } from '../../shared/model';
import { useServices } from '../app/services';
import { useLiveQuery } from '../app/use-live';
import { beep } from '../scanning/feedback';
import { signInWithPin } from '../session/sign-in';

/**
 * A second person approves a count outside tolerance (DOMAIN.md §6): they pick their name and
 * enter their PIN here, on the counter's screen. The counter's own name is refused by
 * shared/inventory's rule, whatever their role. The variance itself stays hidden: the count is blind.
 */
export function CountApproval({
  counterId,
  onApproved,
  onCancel,
}: {
  counterId: string;
  onApproved: (approverId: string) => Promise<void>;
  onCancel: () => void;
}) {
  const { db, facilityId } = useServices();
  const { docs: users } = useLiveQuery(db.users);
  const [approverId, setApproverId] = useState<string | null>(null);
  const [pin, setPin] = useState('');
  const [problem, setProblem] = useState<string>();

  const approve = async () => {
    const approver = users.find((u) => u.id === approverId);
    if (!approver) return setProblem('Choose who approves, then they enter their PIN.');
    const check = await signInWithPin(approver, pin, facilityId);
    setPin('');
    if (!check.ok) {
      beep('warn');
      return setProblem(check.error.message);
    }
    const outcome = approveCountAdjustment(true, counterId, check.user);
    if (!outcome.ok || !outcome.approvedBy) {
      beep('warn');
      return setProblem(outcome.ok ? 'Approval not recorded.' : outcome.error.message);
    }
    setProblem(undefined);
    await onApproved(outcome.approvedBy);
  };

  return (
    <Alert color="orange" title="Approval needed" data-testid="count-approval">
      <Stack gap="sm">
        <Text fz="lg">
          This count is outside the tolerance. A supervisor other than the counter approves the
          stock change with their PIN.
        </Text>
        <Group align="flex-end">
          <Select
            label="Approved by"
            size="lg"
            value={approverId}
            onChange={setApproverId}
            data={users
              .filter((u) => u.active && can(u.role, 'stock.adjust.approve'))
              .map((u) => ({ value: u.id, label: u.name }))}
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
          <Button size="lg" onClick={() => void approve()} data-testid="count-approve">
            Approve count
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
