import { Alert, Button, Group, NumberInput, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useStockData } from '../app/stock-data';
import { useProductScan } from '../app/use-product-scan';
import { useRecord } from '../app/use-record';
import { ItemCard } from '../components/item-card';
import { LocationSelect } from '../components/location-select';
import { ScanPrompt } from '../components/scan-prompt';
import { beep } from '../scanning/feedback';
import { decide } from '../scanning/scan-decision';

/** Unused stock coming back from a department. A recalled or expired lot goes to quarantine. */
export function ReturnScreen() {
  const data = useStockData();
  const record = useRecord();
  const [departmentId, setDepartmentId] = useState<string | null>('DEP-ICU');
  const [intoId, setIntoId] = useState<string | null>('LOC-A1');
  const [quantity, setQuantity] = useState(1);
  const [problem, setProblem] = useState<string>();
  const { scan, error, clear } = useProductScan(
    () => beep('ok'),
    (l) => (l.kind === 'department' ? setDepartmentId(l.id) : setIntoId(l.id)),
  );
  const decision = scan
    ? decide(
        { scan, today: data.today, notices: data.openNotices, balances: data.balances },
        'receive',
      )
    : undefined;
  const toQuarantine = decision?.allowed === true && decision.directToQuarantine;

  const save = async () => {
    if (!scan?.item || !departmentId || !intoId) return;
    const into = toQuarantine ? 'LOC-QC' : intoId;
    const result = await record([
      {
        type: 'return',
        itemId: scan.item.id,
        lotCode: scan.lotCode,
        ...(scan.expiry ? { expiry: scan.expiry } : {}),
        locationId: into,
        toLocationId: departmentId,
        quantity,
      },
    ]);
    if (!result.ok) return setProblem(result.problems.map((p) => p.message).join(' '));
    beep('ok');
    notifications.show({
      color: 'green',
      title: 'Returned',
      message: `${quantity} × ${scan.item.name} into ${data.locationById.get(into)?.name ?? into}`,
    });
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
        <NumberInput
          label="Quantity"
          size="lg"
          min={1}
          max={1000000}
          value={quantity}
          onChange={(v) => setQuantity(Number(v) || 1)}
        />
      </Group>
      <ScanPrompt error={error}>Scan each item that comes back.</ScanPrompt>
      {toQuarantine && decision && (
        <Alert
          color="orange"
          variant="light"
          role="alert"
          title="Goes to quarantine, not the shelf"
          data-testid="return-quarantine"
        >
          {decision.reasons.map((r) => (
            <Text key={r.code} fz="lg">
              {r.message}
            </Text>
          ))}
        </Alert>
      )}
      {scan && (
        <ItemCard
          scan={scan}
          today={data.today}
          expiry={scan.expiry}
          decision={decision}
          {...(intoId ? { hereLocationId: intoId } : {})}
        />
      )}
      {problem && (
        <Alert color="red" role="alert">
          <Text fz="lg">{problem}</Text>
        </Alert>
      )}
      {scan?.item && (
        <Button size="xl" color="#1e6b30" onClick={() => void save()} data-testid="return-confirm">
          Return {quantity}
        </Button>
      )}
    </Stack>
  );
}
