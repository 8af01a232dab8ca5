import { Button, Group, Stack, Text } from '@mantine/core';
import { useRef, useState } from 'react';
import {
  ESCALATION_REASON,
  ErpEscalationSchema,
  escalatedByWords,
  escalationReason,
  type ErpEscalation,
} from '../../shared/console';
import type { SupplyRequest } from '../../shared/model';
import { consoleApi } from '../api/calls';
import type { ApiError } from '../api/http';
import { Problem } from '../components/problem';
import { ReasonField } from '../components/reason-field';
import { formatInstant } from '../components/when';
import { Check } from 'typebox/value';

/**
 * The refusal as the console words it: "already escalated" says when in the console's own clock,
 * from the rung the endpoint sends beside its sentence (whose time is UTC), so the dialog and the
 * row behind it name the same instant the same way.
 */
function inConsoleWords(
  error: ApiError | undefined,
  requestId: string,
  escalatedBy: Readonly<Record<string, string>>,
): string | undefined {
  const taken = error?.body['escalation'];
  if (error?.code !== 'REQUEST_ALREADY_ESCALATED' || !Check(ErpEscalationSchema, taken)) {
    return undefined;
  }
  const e: ErpEscalation = taken;
  const who = escalatedByWords(e, e.by === null ? undefined : escalatedBy[e.by]);
  const why = e.reason ? ` (“${e.reason}”)` : '';
  return `Request ${requestId} was already escalated to the ERP ${who}, ${formatInstant(e.at)}${why}.`;
}

/**
 * A buyer escalates a request to the ERP now, with the reason the ERP and the next buyer read.
 * A refusal (the clock or another buyer got there first, the request closed meanwhile) shows here,
 * and what was typed stays for another try or to copy elsewhere.
 */
export function EscalateRequestForm(props: {
  request: Pick<SupplyRequest, 'id' | 'priority'>;
  /** The facility by name, as the rest of the console shows it. */
  facility: string;
  /** Who escalated it by hand, in words, as of the screen's last load (RequestView). */
  escalatedBy: Readonly<Record<string, string>>;
  onCancel: () => void;
  onEscalated: () => void;
  /** The endpoint refused: what the screen shows is out of date (someone else escalated it). */
  onRefused: () => void;
}) {
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<ApiError>();
  const field = useRef<HTMLTextAreaElement>(null);
  return (
    <form
      aria-label={`Escalate request ${props.request.id} to the ERP`}
      // The shared rule checks the reason and says what is missing, in words, next to it.
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        const checked = escalationReason(reason);
        if (!checked.ok) {
          setMissing(checked.error.message);
          field.current?.focus();
          return;
        }
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
          <bdi>{props.facility}</bdi> needs it to act, with your name and reason; the clock will not
          send it again.
        </Text>
        <Problem
          // Worded as it renders: the reload the refusal asks for brings the buyer's name.
          error={problem}
          words={inConsoleWords(problem, props.request.id, props.escalatedBy)}
          title="Not escalated"
          takeFocus
        />
        <ReasonField
          rule={ESCALATION_REASON}
          fieldRef={field}
          autoFocus
          label="Reason"
          description="Why the ERP must act now (supplier out, no stock in the network…)."
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
            Escalate to ERP
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
