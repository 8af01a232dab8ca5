import type { FacilitySyncLag } from '../../../shared/indicators';
import { DataTable } from '../../components/data-table';
import { IndicatorPanel } from './indicator-panel';
import { cell, hours } from './figures';

/** A PC silent for more than a day, or events arriving a day late: worth a call to the site. */
const LATE_HOURS = 24;

const COLUMNS = [
  'facility',
  'pcs',
  'never_contacted',
  'contact_age_median_h',
  'contact_age_p90_h',
  'contact_age_max_h',
  'events_received',
  'event_delay_median_h',
  'event_delay_p90_h',
  'event_delay_max_h',
];

/** How far behind each facility's PCs are: silence since the last sync, and late-arriving events. */
export function SyncLagPanel(props: {
  rows: readonly FacilitySyncLag[];
  /** How the screen names a facility (use-facility-names.ts); the CSV keeps the id. */
  facilityName: (id: string) => string;
  definition: string | undefined;
  period: { from: string; to: string };
}) {
  const rows = [...props.rows].sort(
    (a, b) => (b.contactAgeHours.max ?? -1) - (a.contactAgeHours.max ?? -1),
  );
  return (
    <IndicatorPanel
      title="Sync lag by facility"
      definition={props.definition}
      csv={{
        name: `sync-lag-${props.period.from}-${props.period.to}`,
        label: 'Export CSV of sync lag',
        columns: COLUMNS,
        rows: () =>
          rows.map((r) => [
            r.facilityId,
            r.pcs,
            r.neverContacted,
            cell(r.contactAgeHours.median),
            cell(r.contactAgeHours.p90),
            cell(r.contactAgeHours.max),
            r.eventDelayHours.count,
            cell(r.eventDelayHours.median),
            cell(r.eventDelayHours.p90),
            cell(r.eventDelayHours.max),
          ]),
      }}
    >
      <DataTable
        caption="Since each PC last synced (now), and how late events arrived (period); the longest silence first: a highlighted row has a PC silent or events arriving over a day late"
        testId="sync-lag-table"
        rows={rows}
        rowKey={(r) => r.facilityId}
        attention={(r) =>
          (r.contactAgeHours.max ?? 0) > LATE_HOURS || (r.eventDelayHours.max ?? 0) > LATE_HOURS
        }
        empty="No facility yet."
        columns={[
          { header: 'Facility', cell: (r) => props.facilityName(r.facilityId) },
          {
            header: 'PCs',
            cell: (r) => (r.neverContacted ? `${r.pcs} (${r.neverContacted} never synced)` : r.pcs),
          },
          {
            header: 'Since last sync (median · p90 · max)',
            cell: (r) =>
              `${hours(r.contactAgeHours.median)} · ${hours(r.contactAgeHours.p90)} · ${hours(r.contactAgeHours.max)}`,
          },
          { header: 'Events received', cell: (r) => r.eventDelayHours.count },
          {
            header: 'Event delay (median · p90 · max)',
            cell: (r) =>
              `${hours(r.eventDelayHours.median)} · ${hours(r.eventDelayHours.p90)} · ${hours(r.eventDelayHours.max)}`,
          },
        ]}
      />
    </IndicatorPanel>
  );
}
