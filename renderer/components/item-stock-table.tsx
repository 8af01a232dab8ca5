import { Table, Text } from '@mantine/core';
import { useStockData } from '../app/stock-data';

/**
 * Every lot of one item at every location, with the total: Look up answers "where is it and how
 * many", not only "how many on my shelf". Quarantined units are on hand but not available.
 */
export function ItemStockTable({ itemId }: { itemId: string }) {
  const { balances, locationById } = useStockData();
  const rows = balances
    .filter((b) => b.itemId === itemId && b.onHand !== 0)
    .sort(
      (a, b) =>
        (a.expiry ?? '9999').localeCompare(b.expiry ?? '9999') ||
        a.locationId.localeCompare(b.locationId),
    );
  const onHand = rows.reduce((sum, b) => sum + b.onHand, 0);
  const quarantined = rows.reduce((sum, b) => sum + Math.max(b.quarantined, 0), 0);
  if (rows.length === 0) {
    return (
      <Text fz="lg" data-testid="item-stock-none">
        No stock of this item is on the books at any location.
      </Text>
    );
  }
  return (
    <Table fz="lg" striped aria-label="Stock of this item everywhere" data-testid="item-stock">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Location</Table.Th>
          <Table.Th>Lot</Table.Th>
          <Table.Th>Expiry</Table.Th>
          <Table.Th>On hand</Table.Th>
          <Table.Th>Quarantined</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((b) => (
          <Table.Tr key={b.id}>
            <Table.Td>{locationById.get(b.locationId)?.name ?? b.locationId}</Table.Td>
            <Table.Td>{b.lotCode || '—'}</Table.Td>
            <Table.Td>{b.expiry ?? '—'}</Table.Td>
            <Table.Td>{b.onHand}</Table.Td>
            <Table.Td>{b.quarantined}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
      <Table.Tfoot>
        <Table.Tr data-testid="item-stock-total">
          <Table.Th scope="row" colSpan={3}>
            Total, every location
          </Table.Th>
          <Table.Th>{onHand}</Table.Th>
          <Table.Th>{quarantined}</Table.Th>
        </Table.Tr>
      </Table.Tfoot>
    </Table>
  );
}
