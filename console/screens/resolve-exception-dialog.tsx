import { Button, Group, Radio, Stack, Text } from '@mantine/core';
import { useRef, useState } from 'react';
import {
  ANOMALY_NOTE,
  RESOLUTION_COMMENT,
  checkedReason,
  exceptionSummaryAt,
  type ExceptionItem,
} from '../../shared/console';
import type { AnomalyDecisionOutcome } from '../../shared/model/anomaly-decision';
import { consoleApi } from '../api/calls';
import type { ApiError } from '../api/http';
import { useNow } from '../app/use-now';
import { Dialog } from '../components/dialog';
import { Problem } from '../components/problem';
import { ReasonField } from '../components/reason-field';

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
  const [missing, setMissing] = useState<string>();
  const field = useRef<HTMLTextAreaElement>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<ApiError>();
  const rule = isFlag ? ANOMALY_NOTE : RESOLUTION_COMMENT;
  return (
    <Dialog
      onClose={props.onClose}
      title={isFlag ? 'Decide this usage flag' : 'Resolve this exception'}
      size="lg"
    >
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          if (isFlag && outcome === undefined) return;
          const checked = checkedReason(comment, rule);
          if (!checked.ok) {
            setMissing(checked.message);
            field.current?.focus();
            return;
          }
          setBusy(true);
          setProblem(undefined);
          consoleApi.resolveException(props.item.id, checked.reason, outcome).then(
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
          <Problem error={problem} title="Not resolved" takeFocus />
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
          <ReasonField
            rule={rule}
            fieldRef={field}
            // Straight to the question asked, not the dialog's close button.
            autoFocus={!isFlag}
            label={isFlag ? 'Why? (your note)' : 'How was it resolved?'}
            description="Kept with the item and in the audit log."
            value={comment}
            error={missing}
            onChange={(value) => {
              setComment(value);
              setMissing(undefined);
            }}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={props.onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={busy} disabled={isFlag && outcome === undefined}>
              {isFlag ? 'Record decision' : 'Resolve'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Dialog>
  );
}
