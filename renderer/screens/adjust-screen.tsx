import { Button, Group, NumberInput, PasswordInput, Select, Stack, Title } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { ADJUST_REASONS } from '../../shared/model';
import { announceRecorded } from '../app/announce-recorded';
import { problemText } from '../app/problem-text';
import { useServices } from '../app/services';
import { STOCK_PLACES } from '../app/stock-places';
import { useProductScan } from '../app/use-product-scan';
import { useRecord } from '../app/use-record';
import { CountApproval, type ApprovalRefusal } from '../components/count-approval';
import { ItemCard } from '../components/item-card';
import { LocationSelect } from '../components/location-select';
import { ProblemAlert } from '../components/problem-alert';
import { ScanPrompt } from '../components/scan-prompt';
import { beep } from '../scanning/feedback';
import { scannedLot } from '../scanning/scanned-lot';
import { useSession } from '../session/session-store';
import { signInWithPin } from '../session/sign-in';
import type { StepUpProof } from '../session/step-up';
import type { EventDraft } from '../store/ledger-writer';

/**
 * A signed correction with a reason code; the person confirms it with their PIN. A change beyond
 * the count tolerance also needs a second person's badge and PIN, as a count does: the ledger
 * writer refuses it without one, and this screen then asks for them.
 */
export function AdjustScreen() {
  const { db, facilityId } = useServices();
  const user = useSession((s) => s.user);
  const record = useRecord();
  const [locationId, setLocationId] = useState<string | null>('LOC-A1');
  const [delta, setDelta] = useState<number | ''>('');
  const [reason, setReason] = useState<string | null>(null);
  const [pin, setPin] = useState('');
  const [problem, setProblem] = useState<string>();
  const [awaiting, setAwaiting] = useState<EventDraft>();
  const changeInput = useRef<HTMLInputElement>(null);
  const { scan, error, clear } = useProductScan(
    () => {
      setAwaiting(undefined);
      beep('ok');
    },
    (l) => setLocationId(l.id),
  );
  // Keyboard first: after a scan the next act is the change; Tab goes on to reason, PIN, Adjust.
  useEffect(() => {
    if (scan?.item) changeInput.current?.focus();
  }, [scan]);

  const save = async () => {
    if (!scan?.item || !locationId || !user) return;
    if (delta === '' || delta === 0)
      return setProblem('Enter the change: positive for units found, negative for units missing.');
    if (!reason) return setProblem('Choose the reason for the adjustment.');
    const me = (await db.users.findOne(user.id).exec())?.toMutableJSON();
    const check = me ? await signInWithPin(me, pin, facilityId) : undefined;
    if (!check?.ok) return setProblem('Enter your own PIN to confirm the adjustment.');
    await commit({
      type: 'adjust',
      itemId: scan.item.id,
      ...scannedLot(scan),
      locationId,
      quantity: Math.abs(delta),
      delta,
      reason,
    });
  };

  /** Resolves to the writer's refusal, so the approval panel can show it. */
  const commit = async (
    draft: EventDraft,
    stepUp?: StepUpProof,
  ): Promise<ApprovalRefusal | undefined> => {
    const result = await record([draft], { acceptWarnings: true, ...(stepUp ? { stepUp } : {}) });
    if (!result.ok) {
      if (!stepUp && result.problems.some((p) => p.code === 'SECOND_PERSON_REQUIRED')) {
        beep('warn');
        setProblem(undefined);
        setAwaiting(draft);
        return undefined;
      }
      const text = problemText(result.problems);
      if (!stepUp) setProblem(text);
      return { code: result.problems[0]?.code ?? 'REFUSED', message: text };
    }
    setProblem(undefined);
    setAwaiting(undefined);
    setPin('');
    const change = draft.delta ?? 0;
    announceRecorded(
      'Adjusted',
      `${change > 0 ? '+' : ''}${change} × ${scan?.item?.name ?? draft.itemId} (${draft.reason ?? ''})`,
    );
    clear();
    return undefined;
  };

  return (
    <Stack gap="md">
      <Title order={1}>Adjust stock</Title>
      <LocationSelect
        label="Location"
        value={locationId}
        onChange={setLocationId}
        kinds={STOCK_PLACES}
      />
      <ScanPrompt error={error}>Scan the lot to adjust.</ScanPrompt>
      {scan && (
        <ItemCard
          scan={scan}
          expiry={scan.expiry}
          decision={undefined}
          hereLocationId={locationId}
        />
      )}
      {scan?.item && (
        <Group align="flex-end">
          <NumberInput
            ref={changeInput}
            label="Change (+ found, − missing)"
            size="lg"
            value={delta}
            onChange={(v) => setDelta(v === '' ? '' : Number(v))}
            allowDecimal={false}
            min={-1000000}
            max={1000000}
          />
          <Select
            label="Reason"
            size="lg"
            value={reason}
            onChange={setReason}
            data={ADJUST_REASONS.map((r) => ({ value: r, label: r.replaceAll('-', ' ') }))}
          />
          <PasswordInput
            label="Your PIN"
            size="lg"
            value={pin}
            onChange={(e) => setPin(e.currentTarget.value)}
            autoComplete="off"
          />
          <Button size="xl" onClick={() => void save()} data-testid="adjust-save">
            Adjust
          </Button>
        </Group>
      )}
      {awaiting && (
        <CountApproval
          what="adjustment"
          onApproved={(stepUp) => commit(awaiting, stepUp)}
          onCancel={() => setAwaiting(undefined)}
        />
      )}
      <ProblemAlert message={problem} />
    </Stack>
  );
}
