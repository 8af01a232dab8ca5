import { Alert, Button, Group, List, NumberInput, Stack, Text, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import { balanceKey, type Balance } from '../../shared/inventory/balance';
import { recordCount } from '../../shared/inventory/count-reconciliation';
import { useStockData } from '../app/stock-data';
import { useProductScan } from '../app/use-product-scan';
import { useRecord } from '../app/use-record';
import { LocationSelect } from '../components/location-select';
import { ScanPrompt } from '../components/scan-prompt';
import { randomId } from '../platform/random-id';
import { beep } from '../scanning/feedback';
import { asBalance } from '../store/balance-projection';

/**
 * Blind cycle count: the counter never sees what the ledger expects. Each counted lot records
 * what the ledger said at that moment (shared/inventory), so stock moving during the count is
 * reconciled, and lots not counted are left alone (a partial count).
 */
export function CountScreen() {
  const data = useStockData();
  const record = useRecord();
  const [locationId, setLocationId] = useState<string | null>('LOC-A1');
  const [counted, setCounted] = useState<number | ''>('');
  const [done, setDone] = useState<string[]>([]);
  const [problem, setProblem] = useState<string>();
  const session = useMemo(() => randomId('CNT', 6), []);
  const { scan, error, clear } = useProductScan(
    () => {
      setCounted('');
      setProblem(undefined);
      beep('ok');
    },
    (location) => setLocationId(location.id),
  );

  const save = async () => {
    const itemId = scan?.item?.id;
    if (!scan || !itemId || !locationId || counted === '') return;
    const ledgerNow = new Map<string, Balance>(
      data.balances.map((b) => [balanceKey(b.locationId, b.itemId, b.lotCode), asBalance(b)]),
    );
    const entry = recordCount(
      {
        locationId,
        itemId,
        lotCode: scan.lotCode,
        ...(scan.expiry ? { expiry: scan.expiry } : {}),
      },
      counted,
      ledgerNow,
      session,
    );
    if (!entry.ok) return setProblem(entry.error.message);
    const result = await record([entry.draft]);
    if (!result.ok) return setProblem(result.problems.map((p) => p.message).join(' '));
    beep('ok');
    setDone([...done, `${scan.item?.name ?? itemId} · lot ${scan.lotCode}: ${counted}`]);
    clear();
  };

  return (
    <Stack gap="md">
      <Title order={1}>Cycle count</Title>
      <LocationSelect
        label="Shelf being counted"
        value={locationId}
        onChange={setLocationId}
        kinds={['shelf', 'dock', 'quarantine', 'stockroom']}
      />
      <ScanPrompt error={error}>
        Scan the shelf label, then each lot; type how many you count.
      </ScanPrompt>
      {scan && (
        <Group align="flex-end" data-testid="count-line">
          <Text fz="xl" fw={700}>
            {scan.item?.name ?? 'Unknown product'} · lot {scan.lotCode || '—'}
          </Text>
          <NumberInput
            label="Counted"
            size="lg"
            min={0}
            max={1000000}
            value={counted}
            onChange={(v) => setCounted(v === '' ? '' : Number(v))}
            allowDecimal={false}
          />
          <Button
            size="xl"
            onClick={() => void save()}
            disabled={counted === ''}
            data-testid="count-save"
          >
            Record count
          </Button>
        </Group>
      )}
      {problem && (
        <Alert color="red" role="alert">
          <Text fz="lg">{problem}</Text>
        </Alert>
      )}
      {done.length > 0 && (
        <List spacing="xs" data-testid="counted-lines">
          {done.map((d) => (
            <List.Item key={d}>
              <Text fz="lg">{d}</Text>
            </List.Item>
          ))}
        </List>
      )}
    </Stack>
  );
}
