import {
  Alert,
  Button,
  Group,
  SegmentedControl,
  Select,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { deliveryProgress, remainingFor } from '../../shared/inventory/delivery-progress';
import type { MangoQuery } from 'rxdb';
import type { Delivery, PendingItem } from '../../shared/model';
import { announceRecorded } from '../app/announce-recorded';
import { problemText } from '../app/problem-text';
import { localToday, useServices } from '../app/services';
import { useStockData } from '../app/stock-data';
import { useLiveQuery } from '../app/use-live';
import { useProductScan } from '../app/use-product-scan';
import { useRecord } from '../app/use-record';
import { useScanDecision } from '../app/use-scan-decision';
import { useScanQuantity } from '../app/use-scan-quantity';
import { ConfirmBar } from '../components/confirm-bar';
import { DeliveryClosing } from '../components/delivery-closing';
import { DeliveryLines } from '../components/delivery-lines';
import { closeDeliveryAs } from '../store/delivery-writer';
import type { ReportedAtDoor } from '../../shared/inventory/delivery-closure';
import { HardStop } from '../components/hard-stop';
import { StopCancel } from '../components/stop-cancel';
import { ItemCard } from '../components/item-card';
import { LocationSelect } from '../components/location-select';
import { ProblemAlert } from '../components/problem-alert';
import { MissingNote, QuantityInput } from '../components/quantity-input';
import { QuarantineNotice } from '../components/quarantine-notice';
import { QueuedScans } from '../components/queued-scans';
import { ScanPrompt } from '../components/scan-prompt';
import { beep } from '../scanning/feedback';
import { scannedLot, TYPED_NOTE } from '../scanning/scanned-lot';
import { ItemSearch } from '../components/item-search';
import { productCodeLabel } from '../scanning/resolve-scan';
import { useSession } from '../session/session-store';
import type { EventDraft } from '../store/ledger-writer';
import { firstUnmet } from '../components/first-unmet';

const EXPECTED: MangoQuery<Delivery> = {
  // A delivery this stockroom closed is done here, whatever the ERP says of it later.
  selector: { status: { $in: ['expected', 'partially-received'] }, closure: { $exists: false } },
};

/**
 * Receive against an expected delivery or freely. An unknown product never blocks: it is captured
 * as a pending item with a description and received against that. Recalled or expired units are
 * received straight into quarantine, as shared/recall decides.
 */
export function ReceiveScreen() {
  const { db, facilityId } = useServices();
  const [closing, setClosing] = useState(false);
  const [closeProblem, setCloseProblem] = useState<string>();
  const data = useStockData();
  const user = useSession((s) => s.user);
  const record = useRecord();
  const { docs: deliveries } = useLiveQuery(db.deliveries, EXPECTED);
  const [mode, setMode] = useState<'delivery' | 'free'>('delivery');
  const [deliveryId, setDeliveryId] = useState<string | null>(null);
  const [locationId, setLocationId] = useState<string | null>('LOC-DOCK');
  const amount = useScanQuantity();
  const { quantity } = amount;
  const [description, setDescription] = useState('');
  const [message, setMessage] = useState<string>();
  const [missing, setMissing] = useState<string>();
  const describe = useRef<HTMLInputElement>(null);
  const delivery = mode === 'delivery' ? deliveries.find((d) => d.id === deliveryId) : undefined;
  // The one open delivery is the one being unpacked: choose it rather than make the tech hunt.
  const onlyDelivery = deliveries.length === 1 ? deliveries[0]?.id : undefined;
  useEffect(() => {
    if (deliveryId === null && onlyDelivery) setDeliveryId(onlyDelivery);
  }, [deliveryId, onlyDelivery]);
  const { docs: receipts } = useLiveQuery(db.stock_events, {
    selector: { type: 'receive', deliveryId: deliveryId ?? '-' },
  });
  const progress = delivery ? deliveryProgress(delivery, receipts) : [];

  const { scan, error, clear, queued, enter } = useProductScan(
    (s) => {
      setMessage(undefined);
      setMissing(undefined);
      const remaining = s.item ? remainingFor(progress, s.item.id) : 0;
      amount.scanned(s.quantity, remaining > 0 ? remaining : 1);
      beep(s.item || s.pending ? 'ok' : 'warn');
    },
    undefined,
    { queueWhileWaiting: true },
  );
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
        // The message's action is the field it asks for: the focus goes there.
        describe.current?.focus();
        return;
      }
      const pending: PendingItem = {
        id: `PND-${scan.gtin ?? scan.hibccCode ?? scan.isbt128Code ?? Date.now()}`,
        facilityId,
        ...(scan.gtin ? { gtin: scan.gtin } : {}),
        ...(scan.hibccCode ? { hibccCode: scan.hibccCode } : {}),
        ...(scan.isbt128Code ? { isbt128Code: scan.isbt128Code } : {}),
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
      ...(scan.typed ? { note: TYPED_NOTE } : {}),
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
      setMessage(undefined);
      amount.reset();
      clear();
    } else {
      beep('stop');
      setMessage(problemText(result.problems));
    }
  };

  // Enter in Quantity: receive when all is there, or say the first thing missing.
  const enterQuantity = () => {
    const need = firstUnmet([
      [locationId, 'Choose where it is received (Receive into).'],
      [
        scan,
        `Nothing to receive yet: scan the item (or find it below), then Enter receives ${quantity}.`,
      ],
      [!blocked, 'This scan may not be received: see the STOP.'],
    ]);
    setMissing(need);
    if (!need) void receive();
  };

  const closeDelivery = async (reported: ReportedAtDoor[], note: string) => {
    if (!delivery || !user) return;
    const now = new Date();
    const closed = await closeDeliveryAs(
      db,
      { facilityId, actorId: user.id, now: () => now, today: localToday(now) },
      { deliveryId: delivery.id, reported, note },
    );
    if (!closed.ok) {
      beep('stop');
      setCloseProblem(closed.message);
      return;
    }
    const count = closed.value.closure?.discrepancies.length ?? 0;
    announceRecorded(
      `Closed ${delivery.id}`,
      count === 0
        ? 'No discrepancy. The buyer is told when this PC syncs.'
        : `${count} discrepanc${count === 1 ? 'y' : 'ies'} reported. The buyer is told when this PC syncs.`,
      count === 0 ? 'ok' : 'warn',
    );
    setClosing(false);
    setCloseProblem(undefined);
    setDeliveryId(null);
  };

  if (closing && delivery) {
    return (
      <Stack gap="md">
        <Title order={1}>Receive</Title>
        <DeliveryLines progress={progress} />
        <DeliveryClosing
          delivery={delivery}
          receipts={receipts}
          today={localToday()}
          problem={closeProblem}
          onClose={(reported, note) => void closeDelivery(reported, note)}
          onBack={() => {
            setClosing(false);
            setCloseProblem(undefined);
          }}
        />
      </Stack>
    );
  }

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
            miw={380}
          />
        )}
        <LocationSelect
          label="Receive into"
          value={locationId}
          onChange={setLocationId}
          kinds={['dock', 'shelf', 'stockroom']}
        />
        <QuantityInput
          value={quantity}
          onChange={amount.typed}
          max={1000000}
          onEnter={enterQuantity}
        />
      </Group>
      <MissingNote message={missing} />
      {delivery && <DeliveryLines progress={progress} />}
      {delivery && !scan && (
        <Group>
          <Button size="lg" variant="outline" color="#1e6b30" onClick={() => setClosing(true)}>
            Close delivery {delivery.id}…
          </Button>
        </Group>
      )}
      {delivery && scan?.item && !delivery.lines.some((l) => l.itemId === scan.item?.id) && (
        <Alert
          color="orange"
          role="alert"
          title="Not on this delivery"
          data-testid="not-on-delivery"
        >
          <Text fz="lg">
            {scan.item.name} is not on {delivery.id}. Receive it only if it came in this delivery,
            and report it to the buyer; otherwise set it aside.
          </Text>
        </Alert>
      )}
      {delivery &&
        scan?.item &&
        delivery.lines.some((l) => l.itemId === scan.item?.id) &&
        quantity > remainingFor(progress, scan.item.id) && (
          <Alert color="orange" role="alert" title="More than expected" data-testid="over-receipt">
            <Text fz="lg">
              {delivery.id} expects {remainingFor(progress, scan.item.id)} more of {scan.item.name};
              receiving {quantity} puts the line over by{' '}
              {quantity - remainingFor(progress, scan.item.id)}. Check the count before you confirm.
            </Text>
          </Alert>
        )}
      <ScanPrompt error={error}>Scan each item as you unpack it.</ScanPrompt>
      {!scan && <ItemSearch onEnter={enter} lotFrom="package" />}
      <QueuedScans queued={queued} />
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
              The item master does not know {productCodeLabel(scan)}. Describe it; the centre will
              confirm it. Receiving goes ahead now.
            </Text>
            <TextInput
              label="What the package says"
              ref={describe}
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
          // Bound for the cage, not the location chosen: no "here" to count at.
          hereLocationId={toQuarantine ? null : locationId}
        />
      )}
      <ProblemAlert message={message} />
      {scan && blocked && <StopCancel onCancel={clear} scanKey={scan} />}
      {scan && !blocked && (
        <ConfirmBar
          label={
            scan.item || scan.pending ? `Receive ${quantity}` : `Capture and receive ${quantity}`
          }
          color={toQuarantine ? '#9c3d00' : '#1e6b30'}
          testId="receive-confirm"
          onConfirm={() => void receive()}
          onCancel={clear}
          scanKey={scan}
        />
      )}
    </Stack>
  );
}
