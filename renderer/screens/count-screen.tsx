import { Button, Group, List, NumberInput, Stack, Text, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import { balanceKey, type Balance } from '../../shared/inventory/balance';
import { countApprovalNeed } from '../../shared/inventory/adjustment-approval';
import { recordCount } from '../../shared/inventory/count-reconciliation';
import { useStockData } from '../app/stock-data';
import { problemText } from '../app/problem-text';
import { STOCK_PLACES } from '../app/stock-places';
import { useProductScan } from '../app/use-product-scan';
import { useRecord } from '../app/use-record';
import { useUserNames } from '../app/use-user-names';
import { CountApproval } from '../components/count-approval';
import { LocationSelect } from '../components/location-select';
import { ProblemAlert } from '../components/problem-alert';
import { ScanPrompt } from '../components/scan-prompt';
import { randomId } from '../platform/random-id';
import { beep } from '../scanning/feedback';
import { scannedLot } from '../scanning/scanned-lot';
import { useSession } from '../session/session-store';
import type { StepUpProof } from '../session/step-up';
import type { EventDraft } from '../store/ledger-writer';
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
  const [awaiting, setAwaiting] = useState<EventDraft>();
  const user = useSession((s) => s.user);
  const nameOf = useUserNames();
  const session = useMemo(() => randomId('CNT', 6), []);
  const { scan, error, clear } = useProductScan(
    () => {
      setCounted('');
      setAwaiting(undefined);
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
        ...scannedLot(scan),
      },
      counted,
      ledgerNow,
      session,
    );
    if (!entry.ok) return setProblem(entry.error.message);
    const need = countApprovalNeed({
      ...entry.draft,
      countedQuantity: counted,
      expectedQuantity: entry.draft.expectedQuantity ?? 0,
    });
    if (need.needed) {
      beep('warn');
      return setAwaiting(entry.draft);
    }
    await commit(entry.draft);
  };

  /** Resolves to the writer's refusal, so the approval panel can show it. */
  const commit = async (draft: EventDraft, stepUp?: StepUpProof): Promise<string | undefined> => {
    const result = await record([draft], stepUp ? { stepUp } : {});
    if (!result.ok) {
      const text = problemText(result.problems);
      if (!stepUp) setProblem(text);
      return text;
    }
    beep('ok');
    setAwaiting(undefined);
    const approvedBy = result.events[0]?.approvedBy;
    const approval = approvedBy ? ` · approved by ${nameOf(approvedBy)}` : '';
    setDone([
      ...done,
      `${scan?.item?.name ?? draft.itemId} · lot ${draft.lotCode}: ${counted}${approval}`,
    ]);
    clear();
    return undefined;
  };

  return (
    <Stack gap="md">
      <Title order={1}>Cycle count</Title>
      <LocationSelect
        label="Shelf being counted"
        value={locationId}
        onChange={setLocationId}
        kinds={STOCK_PLACES}
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
            onChange={(v) => {
              setAwaiting(undefined);
              setCounted(v === '' ? '' : Number(v));
            }}
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
      {awaiting && user && (
        <CountApproval
          onApproved={(stepUp) => commit(awaiting, stepUp)}
          onCancel={() => setAwaiting(undefined)}
        />
      )}
      <ProblemAlert message={problem} />
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
