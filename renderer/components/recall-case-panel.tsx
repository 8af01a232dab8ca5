import {
  Alert,
  Button,
  Group,
  NumberInput,
  PasswordInput,
  Select,
  Stack,
  Text,
  Timeline,
} from '@mantine/core';
import { quarantineEvidence } from '../../shared/recall/quarantine-evidence';
import { useStockData } from '../app/stock-data';
import { useState } from 'react';
import { nextSteps } from '../../shared/recall/recall-case-flow';
import type { StockMatch } from '../../shared/recall/stock-match';
import type { RecallCase, RecallCaseStep, RecallNotice } from '../../shared/model';
import { useServices } from '../app/services';
import { useUserNames } from '../app/use-user-names';
import { useRecallCase } from '../app/use-recall-case';
import { beep } from '../scanning/feedback';
import { useSession } from '../session/session-store';
import { signInWithPin } from '../session/sign-in';
import { when } from '../app/when';

const STEP_LABEL: Record<RecallCaseStep, string> = {
  received: 'Notice received',
  matched: 'Matched against stock',
  located: 'Stock located',
  quarantined: 'Every matched unit is in quarantine',
  counted: 'Record the quarantine count',
  acknowledged: 'Acknowledged to the source',
  disposed: 'Dispose (return or destroy)',
  closed: 'Close the case',
};
/** Steps that need the person to prove again who they are (DOMAIN.md §6). */
const STEP_UP = new Set<RecallCaseStep>(['disposed', 'closed']);

export function RecallCasePanel({
  notice,
  match,
  rc,
}: {
  notice: RecallNotice;
  match: StockMatch;
  rc: RecallCase | undefined;
}) {
  const { db, facilityId } = useServices();
  const user = useSession((s) => s.user);
  const { open, advance, moveToQuarantine, isQuarantineArea } = useRecallCase(notice, match);
  const data = useStockData();
  const evidence = quarantineEvidence(match, isQuarantineArea);
  const [counted, setCounted] = useState<number | ''>('');
  const lotName = (l: { itemId: string; lotCode: string; locationId: string }) =>
    `${data.itemById.get(l.itemId)?.name ?? l.itemId} · lot ${l.lotCode} on ${data.locationById.get(l.locationId)?.name ?? l.locationId}`;
  const nameOf = useUserNames();
  const [message, setMessage] = useState<string>();
  const [pin, setPin] = useState('');
  const [disposition, setDisposition] = useState<string | null>('return-to-supplier');

  const run = async (step: RecallCaseStep) => {
    setMessage(undefined);
    if (!rc) return;
    if (STEP_UP.has(step)) {
      const me = user && (await db.users.findOne(user.id).exec())?.toMutableJSON();
      const check = me ? await signInWithPin(me, pin, facilityId) : undefined;
      if (!check?.ok) {
        beep('warn');
        setMessage('Enter your own PIN to confirm this step.');
        return;
      }
    }
    if (step === 'counted' && counted === '') {
      beep('warn');
      setMessage('Count the units in the quarantine cage and enter the number you counted.');
      return;
    }
    const outcome = await advance(rc, step, {
      ...(step === 'disposed' && disposition
        ? { disposition: disposition as 'return-to-supplier' | 'destroy' }
        : {}),
      ...(step === 'counted' && counted !== '' ? { counted } : {}),
    });
    beep(outcome.ok ? 'ok' : 'warn');
    setPin('');
    if (!outcome.ok) setMessage(outcome.message);
  };

  const evidenceView = (
    <>
      <Text fz="lg" fw={700} data-testid="quarantine-evidence">
        In the quarantine area: {evidence.inQuarantineArea} units · still outside:{' '}
        {evidence.outsideUnits} units
      </Text>
      {evidence.outside.length > 0 && (
        <Stack gap={4} data-testid="quarantine-outside">
          <Text fz="lg">
            Put these in the quarantine cage and scan each unit above, or record the transfer of a
            whole lot you moved:
          </Text>
          {evidence.outside.map((lot) => (
            <Group key={`${lot.locationId}|${lot.itemId}|${lot.lotCode}`} gap="sm">
              <Text fz="lg">
                {lot.units} × {lotName(lot)}
              </Text>
              <Button
                variant="default"
                onClick={() =>
                  void moveToQuarantine(lot, lot.units).then((o) => {
                    beep(o.ok ? 'ok' : 'warn');
                    if (!o.ok) setMessage(o.message);
                  })
                }
              >
                Record transfer of {lot.units} to quarantine
              </Button>
            </Group>
          ))}
        </Stack>
      )}
    </>
  );

  if (!rc) {
    return (
      <Stack gap="sm">
        {evidenceView}
        {message && (
          <Alert color="red" role="alert" title="Not recorded" data-testid="recall-error">
            <Text fz="lg">{message}</Text>
          </Alert>
        )}
        <Button
          size="lg"
          onClick={() => void open().then((o) => !o.ok && setMessage(o.message))}
          data-testid="recall-open-case"
        >
          Start the recall case
        </Button>
      </Stack>
    );
  }
  const steps = nextSteps(rc);
  return (
    <Stack gap="sm" data-testid="recall-case">
      <Timeline
        active={rc.history.length - 1}
        bulletSize={22}
        lineWidth={3}
        aria-label="Recall case steps"
      >
        {rc.history.map((entry) => (
          <Timeline.Item key={entry.step} title={STEP_LABEL[entry.step]}>
            <Text fz="md">
              {when(entry.at)} · {nameOf(entry.by)}
              {entry.units !== undefined ? ` · ${entry.units} units` : ''}
            </Text>
          </Timeline.Item>
        ))}
      </Timeline>
      {message && (
        <Alert color="red" role="alert" title="Step not recorded" data-testid="recall-error">
          <Text fz="lg">{message}</Text>
        </Alert>
      )}
      {evidenceView}
      {steps.includes('counted') && (
        <NumberInput
          label="Units you counted in the quarantine cage"
          size="lg"
          min={0}
          max={10_000_000}
          allowDecimal={false}
          value={counted}
          onChange={(v) => setCounted(v === '' ? '' : Number(v))}
          maw={360}
        />
      )}
      {steps.some((s) => STEP_UP.has(s)) && (
        <Group align="flex-end">
          {steps.includes('disposed') && (
            <Select
              label="Disposition"
              size="lg"
              value={disposition}
              onChange={setDisposition}
              data={[
                { value: 'return-to-supplier', label: 'Return to supplier' },
                { value: 'destroy', label: 'Destroy' },
              ]}
            />
          )}
          <PasswordInput
            label="Your PIN (confirms this step)"
            size="lg"
            value={pin}
            onChange={(e) => setPin(e.currentTarget.value)}
            autoComplete="off"
          />
        </Group>
      )}
      <Group>
        {steps.map((step) => (
          <Button key={step} size="lg" onClick={() => void run(step)} data-step={step}>
            {STEP_LABEL[step]}
          </Button>
        ))}
      </Group>
    </Stack>
  );
}
