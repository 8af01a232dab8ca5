import { Group, Stack, Title } from '@mantine/core';
import { useState } from 'react';
import { announceRecorded } from '../app/announce-recorded';
import { problemText } from '../app/problem-text';
import { useStockData } from '../app/stock-data';
import { useProductScan } from '../app/use-product-scan';
import { useRecord } from '../app/use-record';
import { useScanDecision } from '../app/use-scan-decision';
import { useScanQuantity } from '../app/use-scan-quantity';
import { ConfirmBar } from '../components/confirm-bar';
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
import { scannedLot } from '../scanning/scanned-lot';
import { firstUnmet } from '../components/first-unmet';

/** Unused stock coming back from a department. A recalled or expired lot goes to quarantine. */
export function ReturnScreen() {
  const data = useStockData();
  const record = useRecord();
  const [departmentId, setDepartmentId] = useState<string | null>('DEP-ICU');
  const [intoId, setIntoId] = useState<string | null>('LOC-A1');
  const amount = useScanQuantity();
  const { quantity } = amount;
  const [problem, setProblem] = useState<string>();
  const [missing, setMissing] = useState<string>();
  const { scan, error, clear, queued } = useProductScan(
    (s) => {
      setMissing(undefined);
      amount.scanned(s.quantity, 1);
      beep('ok');
    },
    (l) => (l.kind === 'department' ? setDepartmentId(l.id) : setIntoId(l.id)),
    { queueWhileWaiting: true },
  );
  const { decisionFor } = useScanDecision('receive');
  const decision = scan ? decisionFor(scan) : undefined;
  const toQuarantine = decision?.allowed === true && decision.directToQuarantine;
  const blocked = decision !== undefined && !decision.allowed;

  // Enter in Quantity: take it back when all is there, or say the first thing missing.
  const enterQuantity = () => {
    const need = firstUnmet([
      [departmentId, 'Choose the department it comes back from (Returned by).'],
      [intoId, 'Choose the shelf it goes back on (Put back on).'],
      [scan, `Nothing to return yet: scan the item, then Enter returns ${quantity}.`],
      [scan?.item, 'This product is not in the item master: it cannot be returned here.'],
      [!blocked, 'This scan may not be taken back: see the STOP.'],
    ]);
    setMissing(need);
    if (!need) void save();
  };

  const save = async () => {
    if (!scan?.item || !departmentId || !intoId || blocked) return;
    const into = toQuarantine ? 'LOC-QC' : intoId;
    const result = await record([
      {
        type: 'return',
        itemId: scan.item.id,
        ...scannedLot(scan),
        locationId: into,
        toLocationId: departmentId,
        quantity,
      },
    ]);
    if (!result.ok) return setProblem(problemText(result.problems));
    announceRecorded(
      'Returned',
      `${quantity} × ${scan.item.name} into ${data.locationById.get(into)?.name ?? into}`,
    );
    setProblem(undefined);
    amount.reset();
    clear();
  };

  return (
    <Stack gap="md">
      <Title order={1}>Return from a department</Title>
      <Group grow align="flex-end">
        <LocationSelect
          label="Returned by"
          value={departmentId}
          onChange={setDepartmentId}
          kinds={['department']}
        />
        <LocationSelect
          label="Put back on"
          value={intoId}
          onChange={setIntoId}
          kinds={['shelf', 'stockroom']}
        />
        <QuantityInput
          value={quantity}
          onChange={amount.typed}
          max={1000000}
          onEnter={enterQuantity}
        />
      </Group>
      <MissingNote message={missing} />
      <ScanPrompt error={error}>Scan each item that comes back.</ScanPrompt>
      <QueuedScans queued={queued} />
      {scan && blocked && decision && (
        <HardStop title="STOP — do not take this scan back" reasons={decision.reasons} />
      )}
      {toQuarantine && decision && (
        <QuarantineNotice
          title="Goes to quarantine, not the shelf"
          variant="light"
          testId="return-quarantine"
          reasons={decision.reasons}
        />
      )}
      {scan && (
        <ItemCard
          scan={scan}
          expiry={scan.expiry}
          decision={decision}
          // Bound for the cage, not the shelf chosen: no "here" to count at.
          hereLocationId={toQuarantine ? null : intoId}
        />
      )}
      <ProblemAlert message={problem} />
      {scan?.item && !blocked && (
        <ConfirmBar
          label={`Return ${quantity}`}
          color="#1e6b30"
          testId="return-confirm"
          onConfirm={() => void save()}
          onCancel={clear}
          scanKey={scan}
        />
      )}
      {scan && (blocked || !scan.item) && <StopCancel onCancel={clear} scanKey={scan} />}
    </Stack>
  );
}
