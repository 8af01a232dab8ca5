import { Alert, Button, Group, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { earlierLotAtIssue } from '../../shared/inventory/fefo-at-issue';
import { announceRecorded } from '../app/announce-recorded';
import { useDeviceSettings } from '../app/device-settings';
import { useProductScan } from '../app/use-product-scan';
import { useRecord } from '../app/use-record';
import { useScanDecision } from '../app/use-scan-decision';
import { useScanQuantity } from '../app/use-scan-quantity';
import { useStockData } from '../app/stock-data';
import { ConfirmBar } from '../components/confirm-bar';
import { HardStop } from '../components/hard-stop';
import { StopCancel } from '../components/stop-cancel';
import { ItemCard } from '../components/item-card';
import { ItemSearch } from '../components/item-search';
import { LocationSelect } from '../components/location-select';
import { MissingNote, QuantityInput } from '../components/quantity-input';
import { QueuedScans } from '../components/queued-scans';
import { ScanPrompt } from '../components/scan-prompt';
import { beep } from '../scanning/feedback';
import { scannedLot, TYPED_NOTE } from '../scanning/scanned-lot';
import { firstUnmet } from '../components/first-unmet';

/** Issue to a department: the hard stop on recalled, expired or quarantined lots lives here. */
export function IssueScreen() {
  const data = useStockData();
  const home = useDeviceSettings((s) => s.homeLocationId);
  const [fromId, setFromId] = useState<string | null>(home);
  const [toId, setToId] = useState<string | null>('DEP-ICU');
  const amount = useScanQuantity();
  const { quantity } = amount;
  const [problems, setProblems] = useState<{ code: string; message: string; severity: string }[]>(
    [],
  );
  const [missing, setMissing] = useState<string>();
  const record = useRecord();

  const { decisionFor, expiryOf } = useScanDecision('issue', fromId);

  const { scan, error, clear, enter, queued } = useProductScan(
    (s) => {
      setProblems([]);
      setMissing(undefined);
      amount.scanned(s.quantity, 1);
      const decision = decisionFor(s);
      beep(!s.item ? 'warn' : decision && !decision.allowed ? 'stop' : 'ok');
    },
    (location) => (location.kind !== 'department' ? setFromId(location.id) : setToId(location.id)),
    { queueWhileWaiting: true },
  );
  const decision = scan ? decisionFor(scan) : undefined;
  const blocked = decision !== undefined && !decision.allowed;
  const earlier =
    scan?.item && fromId && !blocked
      ? earlierLotAtIssue(
          data.balances,
          {
            itemId: scan.item.id,
            locationId: fromId,
            lotCode: scan.lotCode,
            ...(expiryOf(scan) ? { expiry: expiryOf(scan) } : {}),
          },
          data.today,
          data.isRecalled,
        )
      : undefined;

  // Enter in Quantity: issue when all is there, or say the first thing missing.
  const enterQuantity = () => {
    const need = firstUnmet([
      [toId, 'Choose the department it goes to (Issue to).'],
      [fromId, 'Choose the shelf it comes from (From).'],
      [
        scan,
        `Nothing to issue yet: scan the item (or find it below), then Enter issues ${quantity}.`,
      ],
      [scan?.item, 'This product is not in the item master: it cannot be issued.'],
      [!blocked, 'This unit may not be issued: see the STOP.'],
    ]);
    setMissing(need);
    if (!need) void issue(false);
  };

  const issue = async (acceptWarnings: boolean) => {
    if (!scan?.item || !fromId || !toId || blocked) return;
    const result = await record(
      [
        {
          type: 'issue',
          itemId: scan.item.id,
          ...scannedLot(scan),
          ...(scan.serial ? { serial: scan.serial } : {}),
          ...(scan.typed ? { note: TYPED_NOTE } : {}),
          locationId: fromId,
          toLocationId: toId,
          quantity,
        },
      ],
      { acceptWarnings },
    );
    if (result.ok) {
      announceRecorded(
        'Issued',
        `${quantity} × ${scan.item.name} (lot ${scan.lotCode}) to ${data.locationById.get(toId)?.name ?? toId}`,
      );
      setProblems([]);
      amount.reset();
      clear();
    } else {
      beep(result.problems.some((p) => p.severity === 'error') ? 'stop' : 'warn');
      setProblems(result.problems);
    }
  };

  return (
    <Stack gap="md">
      <Title order={1}>Issue to a department</Title>
      <Group grow align="flex-end">
        <LocationSelect label="Issue to" value={toId} onChange={setToId} kinds={['department']} />
        <LocationSelect
          label="From"
          value={fromId}
          onChange={setFromId}
          kinds={['shelf', 'stockroom', 'dock']}
        />
        <QuantityInput
          value={quantity}
          onChange={amount.typed}
          max={100000}
          onEnter={enterQuantity}
        />
      </Group>
      <MissingNote message={missing} />
      <ScanPrompt error={error}>Scan the item you are issuing.</ScanPrompt>
      <QueuedScans queued={queued} />
      {!scan && <ItemSearch onEnter={enter} />}
      {scan && blocked && decision && (
        <>
          <HardStop title="STOP — do not issue this item" reasons={decision.reasons} />
          <StopCancel onCancel={clear} scanKey={scan} />
        </>
      )}
      {scan && !scan.item && (
        <Alert color="orange" role="alert" title="Not in the item master">
          <Text fz="lg">
            This product is not in the item master yet. It cannot be issued until the centre
            confirms it.
          </Text>
        </Alert>
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
        <Alert
          key={p.code}
          color={p.severity === 'error' ? 'red' : 'orange'}
          role="alert"
          title={p.severity === 'error' ? 'Not issued' : 'Check before issuing'}
        >
          <Text fz="lg">{p.message}</Text>
        </Alert>
      ))}
      {scan?.item && !blocked && (
        <ConfirmBar
          label={earlier ? `Issue ${quantity} of lot ${scan.lotCode} anyway` : `Issue ${quantity}`}
          color="#1e6b30"
          testId="issue-confirm"
          onConfirm={() => void issue(false)}
          onCancel={clear}
          scanKey={scan}
        >
          {problems.length > 0 && problems.every((p) => p.severity === 'warning') && (
            <Button size="xl" color="#9c3d00" onClick={() => void issue(true)}>
              Issue anyway
            </Button>
          )}
        </ConfirmBar>
      )}
    </Stack>
  );
}
