import { Button, Group, Stack, Textarea } from '@mantine/core';
import { useState } from 'react';

/** The reason a rejection or cancellation carries: the stockroom and the ERP read it. */
export function StepReasonForm(props: {
  onCancel: () => void;
  onSubmit: (reason: string) => Promise<void>;
}) {
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        setBusy(true);
        void props.onSubmit(reason.trim()).finally(() => setBusy(false));
      }}
    >
      <Stack gap="sm">
        <Textarea
          data-autofocus
          label="Reason"
          description="The stockroom and the ERP read it with the step."
          required
          autosize
          minRows={3}
          maxLength={1000}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onCancel}>
            Back
          </Button>
          <Button type="submit" loading={busy} disabled={reason.trim() === ''}>
            Confirm
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
