import {
  Badge,
  Button,
  Group,
  List,
  NumberInput,
  SegmentedControl,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { balanceKey, type Balance } from '../../shared/inventory/balance';
import { countApprovalNeed } from '../../shared/inventory/adjustment-approval';
import {
  countSheet,
  recordCount,
  type CountLine,
} from '../../shared/inventory/count-reconciliation';
import { finishShelfDrafts } from '../../shared/inventory/finish-shelf';
import { normaliseLotCode } from '../../shared/model';
import { COUNT_AWAITING_APPROVAL } from '../../shared/inventory/count-review';
import { useStockData } from '../app/stock-data';
import { problemText } from '../app/problem-text';
import { STOCK_PLACES } from '../app/stock-places';
import { useProductScan } from '../app/use-product-scan';
import { useRecord } from '../app/use-record';
import { useUserNames } from '../app/use-user-names';
import { CountApproval, type ApprovalRefusal } from '../components/count-approval';
import { LocationSelect } from '../components/location-select';
import { ProblemAlert } from '../components/problem-alert';
import { QueuedScans } from '../components/queued-scans';
import { ScanPrompt } from '../components/scan-prompt';
import { ShelfCountTask } from '../components/shelf-count-task';
import { randomId } from '../platform/random-id';
import { beep } from '../scanning/feedback';
import { scannedLot, TYPED_NOTE } from '../scanning/scanned-lot';
import { ItemSearch } from '../components/item-search';
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
  const [countedKeys, setCountedKeys] = useState<ReadonlySet<string>>(new Set());
  const [problem, setProblem] = useState<string>();
  const [awaiting, setAwaiting] = useState<EventDraft>();
  const user = useSession((s) => s.user);
  const nameOf = useUserNames();
  const session = useMemo(() => randomId('CNT', 6), []);
  const [method, setMethod] = useState<'type' | 'scan'>('type');
  const recordButton = useRef<HTMLButtonElement>(null);
  const countedInput = useRef<HTMLInputElement>(null);
  const { scan, error, clear, queued, enter } = useProductScan(
    () => {
      // Scan to count: the first scan of a lot is one unit; each repeat adds one.
      setCounted(method === 'scan' ? 1 : '');
      setAwaiting(undefined);
      setProblem(undefined);
      beep('ok');
    },
    (location) => setLocationId(location.id),
    {
      queueWhileWaiting: true,
      onRepeat: () => {
        if (method !== 'scan' || awaiting) return false;
        setCounted((n) => (n === '' ? 1 : n + 1));
        beep('ok');
        return true;
      },
    },
  );
  // Keyboard first, as on every screen: after a lot's scan the next act has the focus. Typing the
  // count, that is "Counted", selected so typing replaces it; scanning to count, it is Record,
  // for Enter once the last unit is scanned.
  useEffect(() => {
    if (!scan) return;
    if (method === 'scan') {
      recordButton.current?.focus();
    } else {
      countedInput.current?.focus();
      countedInput.current?.select();
    }
  }, [method, scan]);

  const ledgerNow = () =>
    new Map<string, Balance>(
      data.balances.map((b) => [balanceKey(b.locationId, b.itemId, b.lotCode), asBalance(b)]),
    );
  const sheet = useMemo(
    () => countSheet(data.balances.map(asBalance), locationId ?? ''),
    [data.balances, locationId],
  );
  const nameOfItem = (itemId: string) => data.itemById.get(itemId)?.name ?? itemId;

  const finishShelf = async (notScanned: CountLine[]): Promise<string | undefined> => {
    const drafts = finishShelfDrafts(notScanned, ledgerNow(), session);
    if (drafts.length === 0) return undefined;
    const result = await record(drafts);
    if (!result.ok) return problemText(result.problems);
    beep('ok');
    setCountedKeys(new Set([...countedKeys, ...notScanned.map((l) => l.key)]));
    setDone([
      ...done,
      ...drafts.map(
        (d) =>
          `${nameOfItem(d.itemId)} · lot ${d.lotCode}: 0 (not found)${d.reason === COUNT_AWAITING_APPROVAL ? ' · awaiting supervisor approval (stock unchanged)' : ''}`,
      ),
    ]);
    return undefined;
  };

  const save = async () => {
    const itemId = scan?.item?.id;
    if (!scan || !itemId || !locationId || counted === '') return;
    const entry = recordCount(
      {
        locationId,
        itemId,
        ...scannedLot(scan),
      },
      counted,
      ledgerNow(),
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
      return setAwaiting(scan.typed ? { ...entry.draft, note: TYPED_NOTE } : entry.draft);
    }
    await commit(scan.typed ? { ...entry.draft, note: TYPED_NOTE } : entry.draft);
  };

  /** Resolves to the writer's refusal, so the approval panel can show it. */
  const commit = async (
    draft: EventDraft,
    stepUp?: StepUpProof,
  ): Promise<ApprovalRefusal | undefined> => {
    const result = await record([draft], stepUp ? { stepUp } : {});
    if (!result.ok) {
      const text = problemText(result.problems);
      if (!stepUp) setProblem(text);
      return { code: result.problems[0]?.code ?? 'REFUSED', message: text };
    }
    beep('ok');
    setAwaiting(undefined);
    const approvedBy = result.events[0]?.approvedBy;
    const approval = approvedBy
      ? ` · approved by ${nameOf(approvedBy)}`
      : draft.reason === COUNT_AWAITING_APPROVAL
        ? ' · awaiting supervisor approval (stock unchanged)'
        : '';
    setDone([
      ...done,
      `${scan?.item?.name ?? draft.itemId} · lot ${draft.lotCode}: ${counted}${approval}`,
    ]);
    setCountedKeys(
      new Set([
        ...countedKeys,
        balanceKey(draft.locationId, draft.itemId, normaliseLotCode(draft.lotCode)),
      ]),
    );
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
      <SegmentedControl
        size="md"
        aria-label="How you count"
        value={method}
        onChange={(v) => setMethod(v as 'type' | 'scan')}
        data={[
          { value: 'type', label: 'Type the count' },
          { value: 'scan', label: 'Scan to count (each scan adds one)' },
        ]}
      />
      <ScanPrompt error={error}>
        {method === 'scan'
          ? 'Scan the shelf label, then every unit of a lot: each scan adds one. Enter records it.'
          : 'Scan the shelf label, then each lot; type how many you count.'}
      </ScanPrompt>
      <QueuedScans queued={queued} />
      {!scan && <ItemSearch onEnter={enter} />}
      {scan && (
        <Group
          component="form"
          align="flex-end"
          data-testid="count-line"
          aria-label="Count this lot"
          // Enter in "Counted" records the count, as the button does.
          onSubmit={(event: FormEvent) => {
            event.preventDefault();
            void save();
          }}
        >
          <Text fz="xl" fw={700}>
            {scan.item?.name ?? 'Unknown product'} · lot {scan.lotCode || '—'}
          </Text>
          {scan.typed && (
            <Badge size="lg" color="gray.8" data-testid="entered-by-hand">
              Entered by hand
            </Badge>
          )}
          <NumberInput
            ref={countedInput}
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
            ref={recordButton}
            type="submit"
            size="xl"
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
          onDefer={() => commit({ ...awaiting, reason: COUNT_AWAITING_APPROVAL })}
          onCancel={() => setAwaiting(undefined)}
        />
      )}
      <ProblemAlert message={problem} />
      {locationId && (
        <ShelfCountTask
          lines={sheet.lines}
          countedKeys={countedKeys}
          nameOf={nameOfItem}
          onFinish={finishShelf}
        />
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
