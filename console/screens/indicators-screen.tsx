import { BarChart } from '@mantine/charts';
import { Anchor, Group, Paper, SegmentedControl, Stack, Text, Title, Tooltip } from '@mantine/core';
import { useState } from 'react';
import type { FacilitySummary } from '../../shared/indicators';
import { consoleApi } from '../api/calls';
import { useLive } from '../app/use-live';
import { useLoad } from '../app/use-load';
import { hashOf } from '../app/use-hash-route';
import { CsvButton } from '../components/csv-button';
import { DataTable } from '../components/data-table';
import { useFacilityNames } from '../components/use-facility-names';
import { Problem } from '../components/problem';
import { cell, hours, minutes, percent } from './indicators/figures';
import { StockNowPanel } from './indicators/stock-now-panel';
import { SupplierLeadTimePanel } from './indicators/supplier-lead-time-panel';
import { SyncLagPanel } from './indicators/sync-lag-panel';
import { WebhookFailuresPanel } from './indicators/webhook-failures-panel';

/** The definitions listed under the table, in its column order. */
const SHOWN = [
  'fill-rate',
  'order-cycle-time',
  'urgent-acknowledgement',
  'count-accuracy',
  'expiry-waste',
  'recall-response',
  'stockouts',
  'stockout-risk',
  'expiring-value',
  'sync-lag',
  'webhook-failure-rate',
  'supplier-lead-time',
];

const FACILITY_COLUMNS = [
  'facility',
  'line_fill_rate',
  'unit_fill_rate',
  'lines_delivered',
  'order_cycle_median_h',
  'urgent_acknowledge_median_min',
  'urgent_late',
  'count_accuracy',
  'counts',
  'waste_units',
  'waste_value',
  'class_i_quarantine_median_h',
  'stockout_days',
];

const PERIODS = [
  { value: '30', label: 'Last 30 days' },
  { value: '90', label: 'Last 90 days' },
];

function periodOf(days: number, now = new Date()): { from: string; to: string } {
  const to = now.toISOString().slice(0, 10);
  const from = new Date(now.getTime() - (days - 1) * 86_400_000).toISOString().slice(0, 10);
  return { from, to };
}

/** Below the network's median line fill rate by more than ten points: an outlier to look at. */
function outliers(rows: readonly FacilitySummary[]): Set<string> {
  const rates = rows
    .map((r) => r.lineFillRate)
    .filter((r): r is number => r !== null)
    .sort((a, b) => a - b);
  const middle = rates.length ? (rates[Math.floor((rates.length - 1) / 2)] ?? 0) : 0;
  return new Set(
    rows
      .filter((r) => r.lineFillRate !== null && r.lineFillRate < middle - 0.1)
      .map((r) => r.facilityId),
  );
}

/**
 * The network's figures, facility beside facility, the lowest fill rate first: computed at the
 * centre by the same functions as each stockroom's dashboard, with each definition beneath.
 */
export function IndicatorsScreen() {
  const [days, setDays] = useState('30');
  const { from, to } = periodOf(Number(days));
  const figures = useLoad(() => consoleApi.indicators(from, to));
  const facilityName = useFacilityNames();
  useLive(figures.reload);
  const rows = [...(figures.data?.facilities ?? [])].sort(
    (a, b) => (a.lineFillRate ?? 2) - (b.lineFillRate ?? 2),
  );
  const flagged = outliers(rows);
  const defined = (id: string, header: string) => {
    const definition = figures.data?.definitions[id]?.definition;
    return definition ? (
      <Tooltip label={definition} multiline w={320}>
        <span tabIndex={0}>{header}</span>
      </Tooltip>
    ) : (
      header
    );
  };
  return (
    <Stack gap="lg">
      <Title order={1} size="h2">
        Indicators
      </Title>
      <SegmentedControl
        data={PERIODS}
        value={days}
        onChange={(value) => {
          setDays(value);
          figures.reload();
        }}
        aria-label="Period of the figures"
        w="fit-content"
      />
      <Problem error={figures.error} />
      {rows.some((r) => r.lineFillRate !== null) && (
        <Paper withBorder p="md">
          <Title order={2} size="h4" mb="sm">
            {defined('fill-rate', 'Line fill rate by facility')}
          </Title>
          <BarChart
            h={220}
            // A facility with no delivery in the period has no fill rate: it is left out of the
            // chart rather than drawn as a zero (the table says "—" for it).
            data={rows.flatMap((r) =>
              r.lineFillRate === null
                ? []
                : [
                    {
                      facility: facilityName(r.facilityId),
                      facilityId: r.facilityId,
                      'Line fill rate %': Math.round(r.lineFillRate * 100),
                    },
                  ],
            )}
            dataKey="facility"
            series={[{ name: 'Line fill rate %', color: 'blue.8' }]}
            yAxisProps={{ domain: [0, 100] }}
            // A bar opens the records behind it, as the facility's link in the table does.
            barProps={{
              cursor: 'pointer',
              onClick: (bar: { payload?: { facilityId?: unknown } }) => {
                const id = bar.payload?.facilityId;
                if (typeof id === 'string')
                  window.location.hash = hashOf('requests', { facility: id });
              },
            }}
          />
        </Paper>
      )}
      <Group justify="flex-end">
        <CsvButton
          name={`indicators-${from}-${to}`}
          label="Export CSV of the facility figures"
          columns={FACILITY_COLUMNS}
          rows={() =>
            rows.map((r) => [
              r.facilityId,
              cell(r.lineFillRate),
              cell(r.unitFillRate),
              r.linesDelivered,
              cell(r.cycleMedianHours),
              cell(r.urgentAcknowledgeMedianMinutes),
              r.urgentLate,
              cell(r.countAccuracy),
              r.counts,
              r.wasteUnits,
              r.wasteValue,
              cell(r.classIQuarantineMedianHours),
              r.stockoutDays,
            ])
          }
        />
      </Group>
      <DataTable
        caption={`Each facility from ${from} to ${to}, the lowest fill rate first: a highlighted row is well below the network`}
        testId="indicators-table"
        rows={rows}
        rowKey={(r) => r.facilityId}
        attention={(r) => flagged.has(r.facilityId)}
        empty="No facility yet."
        columns={[
          {
            header: 'Facility',
            // Through to the records behind the figures: that facility's open requests.
            cell: (r) => (
              <Anchor
                href={hashOf('requests', { facility: r.facilityId })}
                aria-label={`Open requests of ${facilityName(r.facilityId)}`}
                fz="sm"
              >
                {facilityName(r.facilityId)}
              </Anchor>
            ),
          },
          { header: 'Line fill rate', cell: (r) => percent(r.lineFillRate) },
          { header: 'Unit fill rate', cell: (r) => percent(r.unitFillRate) },
          { header: 'Order cycle (median)', cell: (r) => hours(r.cycleMedianHours) },
          {
            header: 'Urgent acknowledged (median)',
            cell: (r) => `${minutes(r.urgentAcknowledgeMedianMinutes)} · ${r.urgentLate} late`,
          },
          {
            header: 'Count accuracy',
            cell: (r) =>
              r.counts === 0 ? 'no counts' : `${percent(r.countAccuracy)} of ${r.counts}`,
          },
          { header: 'Wasted to expiry', cell: (r) => `${r.wasteUnits} units` },
          {
            header: 'Class I to quarantine (median)',
            cell: (r) => hours(r.classIQuarantineMedianHours),
          },
          {
            header: 'Stockout days',
            cell: (r) => r.stockoutDays,
            sortValue: (r) => r.stockoutDays,
          },
        ]}
      />
      <StockNowPanel
        rows={rows}
        facilityName={facilityName}
        definitions={{
          stockouts: figures.data?.definitions['stockouts']?.definition,
          risk: figures.data?.definitions['stockout-risk']?.definition,
          expiring: figures.data?.definitions['expiring-value']?.definition,
        }}
        today={to}
      />
      <SyncLagPanel
        facilityName={facilityName}
        rows={figures.data?.syncLag ?? []}
        definition={figures.data?.definitions['sync-lag']?.definition}
        period={{ from, to }}
      />
      <WebhookFailuresPanel
        rows={figures.data?.webhookFailures ?? []}
        definition={figures.data?.definitions['webhook-failure-rate']?.definition}
        period={{ from, to }}
      />
      <SupplierLeadTimePanel
        rows={figures.data?.supplierLeadTimes ?? []}
        definition={figures.data?.definitions['supplier-lead-time']?.definition}
        period={{ from, to }}
      />
      <Stack gap={4} data-testid="indicator-definitions">
        <Title order={2} size="h5">
          What each figure means
        </Title>
        {SHOWN.map((id) => {
          const d = figures.data?.definitions[id];
          return d ? (
            <Text key={id} fz="sm">
              <strong>{d.title}:</strong> {d.definition}
            </Text>
          ) : null;
        })}
      </Stack>
    </Stack>
  );
}
