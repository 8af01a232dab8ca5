import { Button, Group, Stack } from '@mantine/core';
import { useRef, useState } from 'react';
import { STEP_REASON, checkedReason } from '../../shared/console';
import type { RequestStatus } from '../../shared/model';
import { consoleApi } from '../api/calls';
import type { ApiError } from '../api/http';
import { Problem } from '../components/problem';
import { ReasonField } from '../components/reason-field';

/**
 * The reason a rejection or cancellation carries: the stockroom and the ERP read it. A refusal
 * (the ward cancelled it meanwhile, another buyer moved it on) shows here, with what was typed
 * kept to try again or copy elsewhere; the dialog closes only when the step is taken.
 */
export function StepReasonForm(props: {
  requestId: string;
  status: Extract<RequestStatus, 'rejected' | 'cancelled'>;
  onCancel: () => void;
  onTaken: () => void;
  /** The endpoint refused: what the screen shows may be out of date. */
  onRefused: () => void;
}) {
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<ApiError>();
  const field = useRef<HTMLTextAreaElement>(null);
  const act = props.status === 'rejected' ? 'Reject' : 'Cancel';
  return (
    <form
      aria-label={`${act} request ${props.requestId}`}
      // The shared rule says what is missing, in words, next to the field.
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        const checked = checkedReason(reason, STEP_REASON);
        if (!checked.ok) {
          setMissing(checked.message);
          field.current?.focus();
          return;
        }
        setBusy(true);
        setProblem(undefined);
        consoleApi
          .takeRequestStep(props.requestId, props.status, checked.reason)
          .then(props.onTaken, (error: ApiError) => {
            setProblem(error);
            props.onRefused();
          })
          .finally(() => setBusy(false));
      }}
    >
      <Stack gap="sm">
        <Problem
          error={problem}
          title={props.status === 'rejected' ? 'Not rejected' : 'Not cancelled'}
          takeFocus
        />
        <ReasonField
          rule={STEP_REASON}
          fieldRef={field}
          autoFocus
          label="Reason"
          description="The stockroom and the ERP read it with the step."
          value={reason}
          error={missing}
          onChange={(value) => {
            setReason(value);
            setMissing(undefined);
          }}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onCancel}>
            Back
          </Button>
          <Button type="submit" loading={busy}>
            {act} request
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
