import { Table, Text } from '@mantine/core';
import type { DeliveryLineProgress } from '../../shared/inventory/delivery-progress';
import { useStockData } from '../app/stock-data';

// Text colours that read at 4.5:1 or better on white; the words carry the state too.
const LINE_COLOURS = {
  waiting: 'gray.8',
  short: '#9c3d00',
  complete: 'green.9',
  over: 'red.9',
} as const;

/** A delivery's lines with what was received so far, each line's state in colour and words. */
export function DeliveryLines({ progress }: { progress: readonly DeliveryLineProgress[] }) {
  const { itemById } = useStockData();
  return (
    <Table fz="lg" aria-label="Delivery lines">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Item</Table.Th>
          <Table.Th>Expected</Table.Th>
          <Table.Th>Received</Table.Th>
          <Table.Th>State</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {progress.map((line, index) => (
          <Table.Tr key={`${line.itemId}-${index}`} data-state={line.state}>
            <Table.Td>
              {itemById.get(line.itemId)?.name ?? line.itemId}
              {line.lotCode ? ` · lot ${line.lotCode}` : ''}
            </Table.Td>
            <Table.Td>{line.expected}</Table.Td>
            <Table.Td>{line.received}</Table.Td>
            <Table.Td>
              <Text fz="lg" fw={700} c={LINE_COLOURS[line.state]} data-testid="line-state">
                {line.words}
              </Text>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
