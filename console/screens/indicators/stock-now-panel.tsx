import { Button } from '@mantine/core';
import { useState } from 'react';
import type { FacilitySummary } from '../../../shared/indicators';
import { DataTable } from '../../components/data-table';
import { IndicatorPanel } from './indicator-panel';
import { money } from './figures';
import { StockRecordsDialog } from './stock-records-dialog';

const COLUMNS = [
  'facility',
  'stockouts_now',
  'at_risk_now',
  'expiring_units_30',
  'expiring_value_30',
  'expiring_value_60',
  'expiring_value_90',
];

/**
 * Each facility's stock as it stands now, from the centre's balances projection: out of stock,
 * at risk of running out before an order arrives, and the value about to expire. Not over the
 * period: a stockroom's shelves have one state, today's. Each row opens the records behind it.
 */
export function StockNowPanel(props: {
  rows: readonly FacilitySummary[];
  facilityName: (id: string) => string;
  definitions: { stockouts?: string; risk?: string; expiring?: string };
  today: string;
}) {
  const [open, setOpen] = useState<string>();
  const rows = [...props.rows].sort(
    (a, b) =>
      b.stockoutsNow - a.stockoutsNow ||
      b.atRiskNow - a.atRiskNow ||
      b.expiringValue30 - a.expiringValue30,
  );
  const definition = [
    props.definitions.stockouts,
    props.definitions.risk,
    props.definitions.expiring,
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <IndicatorPanel
      title="Stock now by facility"
      definition={definition || undefined}
      csv={{
        name: `stock-now-${props.today}`,
        label: 'Export CSV of stock now',
        columns: COLUMNS,
        rows: () =>
          rows.map((r) => [
            r.facilityId,
            r.stockoutsNow,
            r.atRiskNow,
            r.expiringUnits30,
            r.expiringValue30,
            r.expiringValue60,
            r.expiringValue90,
          ]),
      }}
    >
      <DataTable
        caption={`Each facility's shelves now (${props.today}), whatever the period: the most item-locations out of stock first; a highlighted row has an item out of stock`}
        testId="stock-now-table"
        rows={rows}
        rowKey={(r) => r.facilityId}
        attention={(r) => r.stockoutsNow > 0}
        empty="No facility yet."
        columns={[
          {
            header: 'Facility',
            cell: (r) => <bdi>{props.facilityName(r.facilityId)}</bdi>,
            sortValue: (r) => props.facilityName(r.facilityId),
          },
          {
            header: 'Out of stock',
            cell: (r) => `${r.stockoutsNow} item-location${r.stockoutsNow === 1 ? '' : 's'}`,
            sortValue: (r) => r.stockoutsNow,
          },
          {
            header: 'At risk',
            cell: (r) => `${r.atRiskNow} item-location${r.atRiskNow === 1 ? '' : 's'}`,
            sortValue: (r) => r.atRiskNow,
          },
          {
            header: 'Expiring ≤ 30 days',
            cell: (r) =>
              r.expiringUnits30 === 0
                ? 'none'
                : `${r.expiringUnits30} units · ${money(r.expiringValue30)}`,
            sortValue: (r) => r.expiringValue30,
          },
          {
            header: 'Expiring ≤ 90 days',
            cell: (r) => money(r.expiringValue90),
            sortValue: (r) => r.expiringValue90,
          },
          {
            header: 'Records',
            cell: (r) => (
              <Button
                size="compact-sm"
                variant="light"
                onClick={() => setOpen(r.facilityId)}
                aria-label={`Show the stock records of ${props.facilityName(r.facilityId)}`}
              >
                Show
              </Button>
            ),
          },
        ]}
      />
      {open !== undefined && (
        <StockRecordsDialog
          facilityId={open}
          facilityName={props.facilityName(open)}
          onClose={() => setOpen(undefined)}
        />
      )}
    </IndicatorPanel>
  );
}
