import { BarChart } from '@mantine/charts';
import type { SupplierLeadTime } from '../../../shared/indicators';
import { DataTable } from '../../components/data-table';
import { IndicatorPanel } from './indicator-panel';
import { cell, days } from './figures';

const COLUMNS = ['supplier', 'deliveries', 'mean_days', 'standard_deviation_days', 'p90_days'];

const round1 = (d: number | null) => (d === null ? 0 : Math.round(d * 10) / 10);

/**
 * Supplier lead time: the mean and the spread side by side, since a supplier who is slow but
 * steady is planned for with a par level, while an erratic one needs safety stock.
 */
export function SupplierLeadTimePanel(props: {
  rows: readonly SupplierLeadTime[];
  definition: string | undefined;
  period: { from: string; to: string };
}) {
  return (
    <IndicatorPanel
      title="Supplier lead time"
      definition={props.definition}
      csv={{
        name: `supplier-lead-time-${props.period.from}-${props.period.to}`,
        label: 'Export CSV of supplier lead time',
        columns: COLUMNS,
        rows: () =>
          props.rows.map((r) => [
            r.supplier,
            r.deliveries,
            cell(r.meanDays),
            cell(r.deviationDays),
            cell(r.p90Days),
          ]),
      }}
    >
      {props.rows.length > 0 && (
        <BarChart
          h={200}
          data={props.rows.map((r) => ({
            supplier: r.supplier,
            'Mean days': round1(r.meanDays),
            'Standard deviation': round1(r.deviationDays),
          }))}
          dataKey="supplier"
          series={[
            { name: 'Mean days', color: 'blue.8' },
            { name: 'Standard deviation', color: 'orange.8' },
          ]}
        />
      )}
      <DataTable
        caption="Each supplier's deliveries received in the period, ordered to received"
        testId="supplier-lead-time-table"
        rows={props.rows}
        rowKey={(r) => r.supplier}
        empty="No delivery with an ordered request was received in the period."
        columns={[
          { header: 'Supplier', cell: (r) => r.supplier },
          { header: 'Deliveries', cell: (r) => r.deliveries },
          { header: 'Mean', cell: (r) => days(r.meanDays) },
          { header: 'Standard deviation', cell: (r) => days(r.deviationDays) },
          { header: '90th percentile', cell: (r) => days(r.p90Days) },
        ]}
      />
    </IndicatorPanel>
  );
}
