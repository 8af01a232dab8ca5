import { Loader, Stack, Text, Title } from '@mantine/core';
import { isolatedName } from '../../../shared/console/isolated-name';
import { consoleApi, type FacilityStockView } from '../../api/calls';
import { useLoad } from '../../app/use-load';
import { DataTable } from '../../components/data-table';
import { Dialog } from '../../components/dialog';
import { Problem } from '../../components/problem';
import { days, money } from './figures';

type Named = { itemId: string; itemName: string | null };
type Placed = { locationId: string; locationName: string | null };

/** An item as a buyer knows it, with the id the ERP uses; an item the master lacks says so. */
function ItemCell(props: Named) {
  return props.itemName === null ? (
    <span>{props.itemId} (not in the item master)</span>
  ) : (
    <span>
      <bdi>{props.itemName}</bdi> ({props.itemId})
    </span>
  );
}

/** A place on the facility's floor, by its name where the centre holds one. */
function LocationCell(props: Placed) {
  return props.locationName === null ? (
    <span>{props.locationId}</span>
  ) : (
    <span>
      <bdi>{props.locationName}</bdi> ({props.locationId})
    </span>
  );
}

const expiryWords = (daysLeft: number) =>
  daysLeft < 0
    ? `expired ${-daysLeft} day${daysLeft === -1 ? '' : 's'} ago`
    : daysLeft === 0
      ? 'expires today'
      : `in ${daysLeft} day${daysLeft === 1 ? '' : 's'}`;

function Records(props: { view: FacilityStockView }) {
  const { view } = props;
  return (
    <Stack gap="md">
      <Text fz="sm" c="dimmed">
        As the centre holds it at {new Date(view.asOf).toLocaleString()}: every event the PCs had
        sent by then.
      </Text>
      <Title order={3} size="h5">
        Out of stock ({view.stockouts.length})
      </Title>
      <DataTable
        caption="Item-locations with nothing available that were used in the last 30 days"
        testId="stock-records-out"
        rows={view.stockouts}
        rowKey={(r) => `${r.locationId}|${r.itemId}`}
        empty="Nothing used in the last 30 days is out of stock."
        columns={[
          { header: 'Item', cell: (r) => <ItemCell {...r} /> },
          { header: 'Location', cell: (r) => <LocationCell {...r} /> },
        ]}
      />
      <Title order={3} size="h5">
        At risk of running out before an order arrives ({view.risks.length})
      </Title>
      <DataTable
        caption="Days of cover below the par level's lead time, the shortest cover first"
        testId="stock-records-risk"
        rows={view.risks}
        rowKey={(r) => `${r.locationId}|${r.itemId}`}
        empty="No item with a lead time set has fewer days of cover than its lead time."
        columns={[
          { header: 'Item', cell: (r) => <ItemCell {...r} /> },
          { header: 'Location', cell: (r) => <LocationCell {...r} /> },
          { header: 'Available', cell: (r) => r.available },
          { header: 'Used a day', cell: (r) => r.dailyUsage.toFixed(1) },
          { header: 'Cover', cell: (r) => days(r.daysOfCover) },
          { header: 'Lead time', cell: (r) => days(r.leadTimeDays) },
        ]}
      />
      <Title order={3} size="h5">
        Expiring within 90 days, or expired ({view.expiring.length})
      </Title>
      <DataTable
        caption="Lots on hand by expiry, the soonest first"
        testId="stock-records-expiring"
        rows={view.expiring}
        rowKey={(r) => `${r.locationId}|${r.itemId}|${r.lotCode}`}
        empty="No lot on hand expires within 90 days."
        columns={[
          { header: 'Item', cell: (r) => <ItemCell {...r} /> },
          { header: 'Lot', cell: (r) => r.lotCode },
          { header: 'Location', cell: (r) => <LocationCell {...r} /> },
          { header: 'Expiry', cell: (r) => `${r.expiry} (${expiryWords(r.daysLeft)})` },
          { header: 'On hand', cell: (r) => r.onHand },
          { header: 'Value', cell: (r) => money(r.value) },
        ]}
      />
    </Stack>
  );
}

/** The records behind one facility's stock figures now, read from the centre when opened. */
export function StockRecordsDialog(props: {
  facilityId: string;
  facilityName: string;
  onClose: () => void;
}) {
  const records = useLoad(() => consoleApi.indicatorStock(props.facilityId));
  return (
    <Dialog
      title={`Stock now at ${isolatedName(props.facilityName)}`}
      onClose={props.onClose}
      // Wide enough for the expiring lots' seven columns at 1366 px.
      size="72rem"
    >
      <Problem error={records.error} />
      {records.data ? (
        <Records view={records.data} />
      ) : (
        !records.error && <Loader size="sm" aria-label="Reading the stock records" />
      )}
    </Dialog>
  );
}
