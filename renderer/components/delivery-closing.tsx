import {
  Alert,
  Button,
  Group,
  List,
  NumberInput,
  Stack,
  Table,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import {
  discrepanciesAtClose,
  discrepancyWords,
  type ReceivedUnits,
  type ReportedAtDoor,
} from '../../shared/inventory/delivery-closure';
import type { Delivery } from '../../shared/model';
import { useStockData } from '../app/stock-data';

/**
 * Closing a delivery: what the receiver counted at the door (damaged, expired) per line, a note,
 * and the discrepancy summary as it will reach the buyer, updated as they type. The summary
 * shown here is the same shared rule the writer applies to the stored receipts.
 */
export function DeliveryClosing({
  delivery,
  receipts,
  today,
  onClose,
  onBack,
  problem,
}: {
  delivery: Delivery;
  receipts: readonly ReceivedUnits[];
  today: string;
  onClose: (reported: ReportedAtDoor[], note: string) => void;
  onBack: () => void;
  problem?: string | undefined;
}) {
  const { itemById } = useStockData();
  const items = [...new Set(delivery.lines.map((l) => l.itemId))];
  const [door, setDoor] = useState<Record<string, { damaged: number; expired: number }>>({});
  const [note, setNote] = useState('');
  const first = useRef<HTMLInputElement>(null);
  useEffect(() => first.current?.focus(), []);
  const reported: ReportedAtDoor[] = items.map((itemId) => ({
    itemId,
    damaged: door[itemId]?.damaged ?? 0,
    expiredOnArrival: door[itemId]?.expired ?? 0,
  }));
  const summary = discrepanciesAtClose(delivery, receipts, reported, today);
  const name = (id: string) => itemById.get(id)?.name ?? id;
  const set = (itemId: string, field: 'damaged' | 'expired', value: string | number) =>
    setDoor((d) => ({
      ...d,
      [itemId]: {
        damaged: d[itemId]?.damaged ?? 0,
        expired: d[itemId]?.expired ?? 0,
        [field]: Math.max(0, Math.floor(Number(value) || 0)),
      },
    }));
  return (
    <Stack gap="sm" data-testid="delivery-closing">
      <Title order={2}>Close {delivery.id}</Title>
      <Text fz="lg">
        Count what you refused at the door. What was received is measured from the scans.
      </Text>
      <Table fz="lg" aria-label="Refused at the door">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Item</Table.Th>
            <Table.Th>Damaged</Table.Th>
            <Table.Th>Expired on arrival</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((itemId, index) => (
            <Table.Tr key={itemId}>
              <Table.Td>{name(itemId)}</Table.Td>
              <Table.Td>
                <NumberInput
                  ref={index === 0 ? first : undefined}
                  aria-label={`Damaged: ${name(itemId)}`}
                  min={0}
                  max={1000000}
                  allowDecimal={false}
                  allowNegative={false}
                  value={door[itemId]?.damaged ?? 0}
                  onChange={(v) => set(itemId, 'damaged', v)}
                  size="lg"
                  w={130}
                />
              </Table.Td>
              <Table.Td>
                <NumberInput
                  aria-label={`Expired on arrival: ${name(itemId)}`}
                  min={0}
                  max={1000000}
                  allowDecimal={false}
                  allowNegative={false}
                  value={door[itemId]?.expired ?? 0}
                  onChange={(v) => set(itemId, 'expired', v)}
                  size="lg"
                  w={130}
                />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Textarea
        label="Note for the buyer (optional)"
        size="lg"
        value={note}
        maxLength={500}
        onChange={(e) => setNote(e.currentTarget.value)}
      />
      <Alert
        color={summary.length === 0 ? 'green' : 'orange'}
        title={summary.length === 0 ? 'No discrepancy' : 'Discrepancies the buyer will see'}
        data-testid="discrepancy-summary"
      >
        {summary.length === 0 ? (
          <Text fz="lg">Everything expected arrived, in date and undamaged.</Text>
        ) : (
          <List fz="lg">
            {summary.map((d) => (
              <List.Item key={`${d.kind}-${d.itemId}-${d.lotCode ?? ''}`}>
                {name(d.itemId)}: {discrepancyWords(d)}
              </List.Item>
            ))}
          </List>
        )}
      </Alert>
      {problem && (
        <Alert color="red" role="alert" title="Not closed">
          <Text fz="lg">{problem}</Text>
        </Alert>
      )}
      <Group>
        <Button
          size="xl"
          color="#1e6b30"
          data-testid="close-delivery-confirm"
          onClick={() => onClose(reported, note)}
        >
          Close {delivery.id}
        </Button>
        <Button size="xl" variant="default" onClick={onBack}>
          Keep receiving
        </Button>
      </Group>
    </Stack>
  );
}
