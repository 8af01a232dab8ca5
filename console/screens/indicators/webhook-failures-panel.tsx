import { Group, Paper, Stack } from '@mantine/core';
import type { WebhookFailureRate } from '../../../shared/indicators';
import { CsvButton } from '../../components/csv-button';
import { DataTable } from '../../components/data-table';
import { DefinedTitle } from '../../components/defined-title';
import { cell, percent } from './figures';

/** More than one attempt in ten failing: the receiver or the path to it needs looking at. */
const ATTENTION_RATE = 0.1;

const COLUMNS = [
  'subscription',
  'event_type',
  'messages',
  'attempts',
  'failed_attempts',
  'failure_rate',
];

/** Webhook failure rate per subscription and event type, the worst first (as the API orders it). */
export function WebhookFailuresPanel(props: {
  rows: readonly WebhookFailureRate[];
  definition: string | undefined;
  period: { from: string; to: string };
}) {
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Group justify="space-between">
          <DefinedTitle title="Webhook failure rate" definition={props.definition} />
          <CsvButton
            name={`webhook-failures-${props.period.from}-${props.period.to}`}
            label="Export CSV of webhook failure rate"
            columns={COLUMNS}
            rows={() =>
              props.rows.map((r) => [
                r.endpointId,
                r.eventType,
                r.deliveries,
                r.attempts,
                r.failedAttempts,
                cell(r.failureRate),
              ])
            }
          />
        </Group>
        <DataTable
          caption="Each subscription and event type over the period, the highest failure rate first: a highlighted row fails more than one attempt in ten"
          testId="webhook-failures-table"
          rows={props.rows}
          rowKey={(r) => `${r.endpointId} ${r.eventType}`}
          attention={(r) => (r.failureRate ?? 0) > ATTENTION_RATE}
          empty="No webhook message in the period."
          columns={[
            { header: 'Subscription', cell: (r) => r.endpointId },
            { header: 'Event type', cell: (r) => r.eventType },
            { header: 'Messages', cell: (r) => r.deliveries },
            { header: 'Failed attempts', cell: (r) => `${r.failedAttempts} of ${r.attempts}` },
            { header: 'Failure rate', cell: (r) => percent(r.failureRate) },
          ]}
        />
      </Stack>
    </Paper>
  );
}
