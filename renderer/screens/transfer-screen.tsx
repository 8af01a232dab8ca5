import { Alert, Group, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { announceRecorded } from '../app/announce-recorded';
import { useStockData } from '../app/stock-data';
import { STOCK_PLACES } from '../app/stock-places';
import { useProductScan } from '../app/use-product-scan';
import { useRecord } from '../app/use-record';
import { useScanDecision } from '../app/use-scan-decision';
import { useScanQuantity } from '../app/use-scan-quantity';
import { ConfirmBar } from '../components/confirm-bar';
import { HardStop } from '../components/hard-stop';
import { earlierLotAtIssue } from '../../shared/inventory/fefo-at-issue';
import { StopCancel } from '../components/stop-cancel';
import { ItemCard } from '../components/item-card';
import { LocationSelect } from '../components/location-select';
import { MissingNote, QuantityInput } from '../components/quantity-input';
import { QueuedScans } from '../components/queued-scans';
import { ScanPrompt } from '../components/scan-prompt';
import { beep } from '../scanning/feedback';
import { scannedLot } from '../scanning/scanned-lot';
import { firstUnmet } from '../components/first-unmet';

/**
 * Put-away and transfer: scan the shelf you take from, the shelf you put on (or choose them), then
 * the item. A recalled or quarantined unit may not move except into quarantine.
 */
export function TransferScreen() {
  const data = useStockData();
  const record = useRecord();
  const [fromId, setFromId] = useState<string | null>('LOC-DOCK');
  const [toId, setToId] = useState<string | null>('LOC-A1');
  const amount = useScanQuantity();
  const { quantity } = amount;
  const [problems, setProblems] = useState<string[]>([]);
  const [missing, setMissing] = useState<string>();
  const { decisionFor, expiryOf } = useScanDecision('transfer', fromId);
  // Shelf labels fill "from" first, then "to": the order a person walks.
  const [nextShelf, setNextShelf] = useState<'from' | 'to'>('from');
  const { scan, error, clear, queued } = useProductScan(
    (s) => {
      setProblems([]);
      setMissing(undefined);
      amount.scanned(s.quantity, 1);
      const d = decisionFor(s);
      beep(d && !d.allowed ? 'stop' : 'ok');
    },
    (location) => {
      if (nextShelf === 'from') setFromId(location.id);
      else setToId(location.id);
      setNextShelf(nextShelf === 'from' ? 'to' : 'from');
    },
    { queueWhileWaiting: true },
  );
  const decision = scan ? decisionFor(scan) : undefined;
  const toQuarantine = toId ? data.locationById.get(toId)?.kind === 'quarantine' : false;
  const blocked = decision !== undefined && !decision.allowed && !toQuarantine;
  // First expiring, first out applies to a put-away or a move as to an issue (not into quarantine).
  const expiry = scan ? expiryOf(scan) : undefined;
  const earlier =
    scan?.item && fromId && !blocked && !toQuarantine
      ? earlierLotAtIssue(
          data.balances,
          {
            itemId: scan.item.id,
            locationId: fromId,
            lotCode: scan.lotCode,
            ...(expiry ? { expiry } : {}),
          },
          data.today,
          data.isRecalled,
          'move',
        )
      : undefined;

  // Enter in Quantity: move when all is there, or say the first thing missing.
  const enterQuantity = () => {
    const need = firstUnmet([
      [fromId, 'Choose the shelf it comes from (Take from).'],
      [toId, 'Choose the shelf it goes on (Put on).'],
      [scan, `Nothing to move yet: scan the item, then Enter moves ${quantity}.`],
      [scan?.item, 'This product is not in the item master: it cannot be moved.'],
      [!blocked, 'This unit may not be moved: see the STOP.'],
    ]);
    setMissing(need);
    if (!need) void move();
  };

  const move = async () => {
    if (!scan?.item || !fromId || !toId || blocked) return;
    const result = await record([
      {
        type: 'transfer',
        itemId: scan.item.id,
        ...scannedLot(scan),
        locationId: fromId,
        toLocationId: toId,
        quantity,
      },
    ]);
    if (result.ok) {
      announceRecorded(
        'Moved',
        `${quantity} × ${scan.item.name} to ${data.locationById.get(toId)?.name ?? toId}`,
      );
      setProblems([]);
      amount.reset();
      clear();
    } else {
      beep('warn');
      setProblems(result.problems.map((p) => p.message));
    }
  };

  return (
    <Stack gap="md">
      <Title order={1}>Put away and transfer</Title>
      <Group grow align="flex-end">
        <LocationSelect
          label="Take from"
          value={fromId}
          onChange={setFromId}
          kinds={STOCK_PLACES}
        />
        <LocationSelect label="Put on" value={toId} onChange={setToId} kinds={STOCK_PLACES} />
        <QuantityInput
          value={quantity}
          onChange={amount.typed}
          max={1000000}
          onEnter={enterQuantity}
        />
      </Group>
      <MissingNote message={missing} />
      <ScanPrompt error={error}>Scan the shelf labels (from, then to), then the item.</ScanPrompt>
      <QueuedScans queued={queued} />
      {scan && blocked && decision && (
        <>
          <HardStop title="STOP — this unit may not be moved" reasons={decision.reasons} />
          <StopCancel onCancel={clear} scanKey={scan} />
        </>
      )}
      {scan && !scan.item && !blocked && <StopCancel onCancel={clear} scanKey={scan} />}
      {scan && (
        <ItemCard scan={scan} expiry={expiryOf(scan)} decision={decision} hereLocationId={fromId} />
      )}
      {earlier && (
        <Alert
          color="orange"
          role="alert"
          title="First expiring, first out"
          data-testid="fefo-earlier"
        >
          <Text fz="lg">{earlier.message}</Text>
        </Alert>
      )}
      {problems.map((p) => (
        <Alert key={p} color="red" role="alert" title="Not moved">
          <Text fz="lg">{p}</Text>
        </Alert>
      ))}
      {scan?.item && !blocked && (
        <ConfirmBar
          label={earlier ? `Move ${quantity} of lot ${scan.lotCode} anyway` : `Move ${quantity}`}
          color="#1e6b30"
          testId="transfer-confirm"
          onConfirm={() => void move()}
          onCancel={clear}
          scanKey={scan}
        />
      )}
    </Stack>
  );
}
