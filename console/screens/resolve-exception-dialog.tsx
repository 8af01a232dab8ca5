import { Button, Group, Radio, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import {
  exceptionSummaryAt,
  RESOLUTION_COMMENT_MAX,
  type ExceptionItem,
} from '../../shared/console';
import { ANOMALY_NOTE_MAX, type AnomalyDecisionOutcome } from '../../shared/model/anomaly-decision';
import { consoleApi } from '../api/calls';
import type { ApiError } from '../api/http';
import { useNow } from '../app/use-now';
import { Dialog } from '../components/dialog';
import { Problem } from '../components/problem';

/**
 * Resolve a queue item with a comment. A usage anomaly flag is resolved as a decision the
 * stockroom sees on its dashboard, so the buyer also says whether the usage was real trouble.
 */
export function ResolveDialog(props: {
  item: ExceptionItem;
  onClose: () => void;
  onResolved: () => void;
}) {
  const isFlag = props.item.kind === 'usage-anomaly';
  const now = useNow();
  const [comment, setComment] = useState('');
  const [outcome, setOutcome] = useState<AnomalyDecisionOutcome>();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<ApiError>();
  const ready = comment.trim() !== '' && (!isFlag || outcome !== undefined);
  return (
    <Dialog
      onClose={props.onClose}
      title={isFlag ? 'Decide this usage flag' : 'Resolve this exception'}
      size="lg"
    >
      <form
        onSubmit={(event) => {
          event.preventDefault();
          setBusy(true);
          setProblem(undefined);
          consoleApi.resolveException(props.item.id, comment.trim(), outcome).then(
            () => props.onResolved(),
            (error: unknown) => {
              setProblem(error as ApiError);
              setBusy(false);
            },
          );
        }}
      >
        <Stack gap="sm">
          <Text fz="sm">{exceptionSummaryAt(props.item, now)}</Text>
          <Problem error={problem} title="Not resolved" />
          {isFlag && (
            <Radio.Group
              label="Was this usage real trouble?"
              description="The stockroom sees your decision and note on its dashboard."
              required
              value={outcome ?? null}
              onChange={(value) => setOutcome(value as AnomalyDecisionOutcome)}
            >
              <Stack gap="xs" mt="xs">
                <Radio
                  value="confirmed"
                  label="Confirm: theft, waste or a wrong scan"
                  data-autofocus
                />
                <Radio value="dismissed" label="Dismiss: it has an explanation" />
              </Stack>
            </Radio.Group>
          )}
          <Textarea
            // Straight to the question asked, not the dialog's close button.
            data-autofocus={isFlag ? undefined : true}
            label={isFlag ? 'Why? (your note)' : 'How was it resolved?'}
            description="Kept with the item and in the audit log."
            required
            autosize
            minRows={3}
            maxLength={isFlag ? ANOMALY_NOTE_MAX : RESOLUTION_COMMENT_MAX}
            value={comment}
            onChange={(e) => setComment(e.currentTarget.value)}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={props.onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={busy} disabled={!ready}>
              {isFlag ? 'Record decision' : 'Resolve'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Dialog>
  );
}
