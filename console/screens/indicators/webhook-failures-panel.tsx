import type { WebhookFailureRate } from '../../../shared/indicators';
import { DataTable } from '../../components/data-table';
import { IndicatorPanel } from './indicator-panel';
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
    <IndicatorPanel
      title="Webhook failure rate"
      definition={props.definition}
      csv={{
        name: `webhook-failures-${props.period.from}-${props.period.to}`,
        label: 'Export CSV of webhook failure rate',
        columns: COLUMNS,
        rows: () =>
          props.rows.map((r) => [
            r.endpointId,
            r.eventType,
            r.deliveries,
            r.attempts,
            r.failedAttempts,
            cell(r.failureRate),
          ]),
      }}
    >
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
    </IndicatorPanel>
  );
}
