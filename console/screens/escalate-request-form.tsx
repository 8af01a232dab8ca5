import { Button, Group, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { ESCALATION_REASON_MAX, escalationReason } from '../../shared/console';
import type { SupplyRequest } from '../../shared/model';
import { consoleApi } from '../api/calls';
import type { ApiError } from '../api/http';
import { Problem } from '../components/problem';

/**
 * A buyer escalates a request to the ERP now, with the reason the ERP and the next buyer read.
 * A refusal (the clock or another buyer got there first, the request closed meanwhile) shows here,
 * and what was typed stays for another try or to copy elsewhere.
 */
export function EscalateRequestForm(props: {
  request: Pick<SupplyRequest, 'id' | 'priority'>;
  /** The facility by name, as the rest of the console shows it. */
  facility: string;
  onCancel: () => void;
  onEscalated: () => void;
  /** The endpoint refused: what the screen shows is out of date (someone else escalated it). */
  onRefused: () => void;
}) {
  const [reason, setReason] = useState('');
  const [blank, setBlank] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<ApiError>();
  return (
    <form
      aria-label={`Escalate request ${props.request.id} to the ERP`}
      // The shared rule checks the reason and says what is missing, in words, next to it.
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        const checked = escalationReason(reason);
        if (!checked.ok) {
          setBlank(checked.error.message);
          return;
        }
        setBlank(undefined);
        setBusy(true);
        setProblem(undefined);
        consoleApi
          .escalateRequest(props.request.id, checked.reason)
          .then(props.onEscalated, (error: ApiError) => {
            setProblem(error);
            props.onRefused();
          })
          .finally(() => setBusy(false));
      }}
    >
      <Stack gap="sm">
        <Text fz="sm">
          The ERP hears at once that this {props.request.priority.toUpperCase()} request of{' '}
          {props.facility} needs it to act, with your name and reason; the clock will not send it
          again.
        </Text>
        <Problem error={problem} title="Not escalated" />
        <Textarea
          data-autofocus
          label="Reason"
          description="Why the ERP must act now (supplier out, no stock in the network…)."
          required
          autosize
          minRows={3}
          maxLength={ESCALATION_REASON_MAX}
          value={reason}
          error={blank}
          onChange={(e) => {
            setReason(e.currentTarget.value);
            setBlank(undefined);
          }}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onCancel}>
            Back
          </Button>
          <Button type="submit" loading={busy}>
            Escalate to ERP
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
