import {
  Alert,
  Button,
  Group,
  SegmentedControl,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import type { MangoQuery } from 'rxdb';
import type { Delivery, PendingItem } from '../../shared/model';
import { announceRecorded } from '../app/announce-recorded';
import { problemText } from '../app/problem-text';
import { useServices } from '../app/services';
import { useStockData } from '../app/stock-data';
import { useLiveQuery } from '../app/use-live';
import { useProductScan } from '../app/use-product-scan';
import { useRecord } from '../app/use-record';
import { useScanDecision } from '../app/use-scan-decision';
import { ConfirmBar } from '../components/confirm-bar';
import { HardStop } from '../components/hard-stop';
import { ItemCard } from '../components/item-card';
import { LocationSelect } from '../components/location-select';
import { ProblemAlert } from '../components/problem-alert';
import { QuantityInput } from '../components/quantity-input';
import { QuarantineNotice } from '../components/quarantine-notice';
import { ScanPrompt } from '../components/scan-prompt';
import { beep } from '../scanning/feedback';
import { scannedLot } from '../scanning/scanned-lot';
import { useSession } from '../session/session-store';
import type { EventDraft } from '../store/ledger-writer';

const EXPECTED: MangoQuery<Delivery> = {
  selector: { status: { $in: ['expected', 'partially-received'] } },
};

/**
 * Receive against an expected delivery or freely. An unknown product never blocks: it is captured
 * as a pending item with a description and received against that. Recalled or expired units are
 * received straight into quarantine, as shared/recall decides.
 */
export function ReceiveScreen() {
  const { db, facilityId } = useServices();
  const data = useStockData();
  const user = useSession((s) => s.user);
  const record = useRecord();
  const { docs: deliveries } = useLiveQuery(db.deliveries, EXPECTED);
  const [mode, setMode] = useState<'delivery' | 'free'>('delivery');
  const [deliveryId, setDeliveryId] = useState<string | null>(null);
  const [locationId, setLocationId] = useState<string | null>('LOC-DOCK');
  const [quantity, setQuantity] = useState(1);
  const [description, setDescription] = useState('');
  const [message, setMessage] = useState<string>();
  const delivery = mode === 'delivery' ? deliveries.find((d) => d.id === deliveryId) : undefined;
  const { docs: receipts } = useLiveQuery(db.stock_events, {
    selector: { type: 'receive', deliveryId: deliveryId ?? '-' },
  });

  const { scan, error, clear } = useProductScan((s) => {
    setMessage(undefined);
    const line = delivery?.lines.find((l) => l.itemId === s.item?.id);
    setQuantity(s.quantity ?? line?.quantity ?? 1);
    beep(s.item || s.pending ? 'ok' : 'warn');
  });
  const { decisionFor } = useScanDecision('receive');
  const decision = scan ? decisionFor(scan) : undefined;
  const toQuarantine = decision?.allowed === true && decision.directToQuarantine;
  const blocked = decision !== undefined && !decision.allowed;

  const receive = async () => {
    if (!scan || !locationId || !user || blocked) return;
    let itemId = scan.item?.id ?? scan.pending?.id;
    if (!itemId) {
      if (!description.trim()) {
        setMessage('Type what the package says (name, size) so the centre can identify it.');
        return;
      }
      const pending: PendingItem = {
        id: `PND-${scan.gtin ?? scan.hibccCode ?? Date.now()}`,
        facilityId,
        ...(scan.gtin ? { gtin: scan.gtin } : {}),
        ...(scan.hibccCode ? { hibccCode: scan.hibccCode } : {}),
        description: description.trim(),
        capturedBy: user.id,
        capturedAt: new Date().toISOString(),
        status: 'pending',
      };
      await db.pending_items.upsert(pending);
      itemId = pending.id;
    }
    const into = toQuarantine ? 'LOC-QC' : locationId;
    const base = {
      itemId,
      ...scannedLot(scan),
      ...(scan.serial ? { serial: scan.serial } : {}),
      quantity,
    };
    const drafts: EventDraft[] = [
      {
        ...base,
        type: 'receive',
        locationId: into,
        ...(delivery ? { deliveryId: delivery.id } : {}),
      },
    ];
    if (toQuarantine) {
      const recall = decision.reasons.find((r) => r.code === 'RECALLED');
      drafts.push({
        ...base,
        type: 'quarantine',
        locationId: into,
        reason: recall ? 'recall' : 'expired',
        ...(recall?.code === 'RECALLED' ? { recallNoticeId: recall.noticeId } : {}),
      });
    }
    const result = await record(drafts, { acceptWarnings: true });
    if (result.ok) {
      announceRecorded(
        'Received',
        `${quantity} × ${scan.item?.name ?? description} into ${data.locationById.get(into)?.name ?? into}`,
        toQuarantine ? 'warn' : 'ok',
      );
      setDescription('');
      clear();
    } else {
      beep('stop');
      setMessage(problemText(result.problems));
    }
  };

  return (
    <Stack gap="md">
      <Title order={1}>Receive</Title>
      <SegmentedControl
        size="lg"
        value={mode}
        onChange={(v) => setMode(v as 'delivery' | 'free')}
        data={[
          { value: 'delivery', label: 'Against a delivery' },
          { value: 'free', label: 'Free receipt' },
        ]}
      />
      <Group grow align="flex-end">
        {mode === 'delivery' && (
          <Select
            label="Expected delivery"
            size="lg"
            value={deliveryId}
            onChange={setDeliveryId}
            data={deliveries.map((d) => ({ value: d.id, label: `${d.id} · ${d.supplier}` }))}
            placeholder="Choose the delivery"
          />
        )}
        <LocationSelect
          label="Receive into"
          value={locationId}
          onChange={setLocationId}
          kinds={['dock', 'shelf', 'stockroom']}
        />
        <QuantityInput value={quantity} onChange={setQuantity} max={1000000} />
      </Group>
      {delivery && (
        <Table fz="lg" aria-label="Delivery lines">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Item</Table.Th>
              <Table.Th>Expected</Table.Th>
              <Table.Th>Received</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {delivery.lines.map((line) => (
              <Table.Tr key={line.itemId}>
                <Table.Td>
                  {data.itemById.get(line.itemId)?.name ?? line.itemId}
                  {line.lotCode ? ` · lot ${line.lotCode}` : ''}
                </Table.Td>
                <Table.Td>{line.quantity}</Table.Td>
                <Table.Td>
                  {receipts
                    .filter((r) => r.itemId === line.itemId)
                    .reduce((s, r) => s + r.quantity, 0)}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <ScanPrompt error={error}>Scan each item as you unpack it.</ScanPrompt>
      {scan && blocked && decision && (
        <HardStop title="STOP — do not receive this scan" reasons={decision.reasons} />
      )}
      {toQuarantine && decision && (
        <QuarantineNotice
          title="Receive into quarantine"
          variant="filled"
          testId="receive-quarantine"
          reasons={decision.reasons}
        />
      )}
      {scan && !scan.item && !scan.pending && (
        <Alert
          color="violet"
          title="New product: capture it, then receive"
          data-testid="capture-pending"
        >
          <Stack>
            <Text fz="lg">
              The item master does not know{' '}
              {scan.gtin ? `GTIN ${scan.gtin}` : `HIBCC ${scan.hibccCode ?? ''}`}. Describe it; the
              centre will confirm it. Receiving goes ahead now.
            </Text>
            <TextInput
              label="What the package says"
              size="lg"
              value={description}
              onChange={(e) => setDescription(e.currentTarget.value)}
            />
          </Stack>
        </Alert>
      )}
      {scan && (scan.item || scan.pending) && (
        <ItemCard
          scan={scan}
          expiry={scan.expiry}
          decision={decision}
          hereLocationId={locationId}
        />
      )}
      <ProblemAlert message={message} />
      {scan && blocked && (
        <Button size="xl" variant="default" onClick={clear}>
          Cancel
        </Button>
      )}
      {scan && !blocked && (
        <ConfirmBar
          label={
            scan.item || scan.pending ? `Receive ${quantity}` : `Capture and receive ${quantity}`
          }
          color={toQuarantine ? '#9c3d00' : '#1e6b30'}
          testId="receive-confirm"
          onConfirm={() => void receive()}
          onCancel={clear}
        />
      )}
    </Stack>
  );
}
