import { Alert, Button, Group, NumberInput, Stack, Text, Timeline } from '@mantine/core';
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
import { confirmOwnPin } from '../session/own-pin';
import { when } from '../app/when';
import { RecallStepUpForm, type Disposition, type StepRefusal } from './recall-step-up-form';

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

export function RecallCasePanel({
  notice,
  match,
  rc,
}: {
  notice: RecallNotice;
  match: StockMatch;
  rc: RecallCase | undefined;
}) {
  const { db, facilityId, deviceId } = useServices();
  const user = useSession((s) => s.user);
  const { open, advance, moveToQuarantine, isQuarantineArea } = useRecallCase(notice, match);
  const data = useStockData();
  const evidence = quarantineEvidence(match, isQuarantineArea);
  const [counted, setCounted] = useState<number | ''>('');
  const lotName = (l: { itemId: string; lotCode: string; locationId: string }) =>
    `${data.itemById.get(l.itemId)?.name ?? l.itemId} · lot ${l.lotCode} on ${data.locationById.get(l.locationId)?.name ?? l.locationId}`;
  const nameOf = useUserNames();
  const [message, setMessage] = useState<string>();

  /** Records a step; a refusal about the PIN goes back to its field, any other to the panel. */
  const run = async (
    step: RecallCaseStep,
    stepUp?: { pin: string; disposition: Disposition | undefined },
  ): Promise<StepRefusal | undefined> => {
    setMessage(undefined);
    if (!rc) return undefined;
    if (stepUp) {
      const me = user && (await db.users.findOne(user.id).exec())?.toMutableJSON();
      if (!me) return { at: 'pin', message: 'Sign in again, then confirm with your PIN.' };
      const refusal = await confirmOwnPin(db, me, stepUp.pin, { facilityId, deviceId }, new Date());
      if (refusal) {
        return refusal.code.startsWith('pin-') || refusal.code === 'locked-out'
          ? { at: 'pin', message: refusal.message }
          : refuse(refusal.message);
      }
    }
    if (step === 'counted' && counted === '') {
      return refuse('Count the units in the quarantine cage and enter the number you counted.');
    }
    const outcome = await advance(rc, step, {
      ...(stepUp?.disposition ? { disposition: stepUp.disposition } : {}),
      ...(step === 'counted' && counted !== '' ? { counted } : {}),
    });
    if (!outcome.ok) return refuse(outcome.message);
    beep('ok');
    return undefined;
  };
  const refuse = (text: string): StepRefusal => {
    beep('warn');
    setMessage(text);
    return { at: 'panel', message: text };
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
  // Disposal and closing, at most one at a time, are a form of their own with the PIN.
  const stepUp = steps.find((s): s is 'disposed' | 'closed' => s === 'disposed' || s === 'closed');
  const plainSteps = steps.filter((s) => s !== 'counted' && s !== stepUp);
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
        // Enter in the count records it, as a button press does.
        <form
          aria-label="Record the quarantine count"
          onSubmit={(e) => {
            e.preventDefault();
            void run('counted');
          }}
        >
          <Group align="flex-end">
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
            <Button type="submit" size="lg" data-step="counted">
              {STEP_LABEL.counted}
            </Button>
          </Group>
        </form>
      )}
      {plainSteps.length > 0 && (
        <Group>
          {plainSteps.map((step) => (
            <Button key={step} size="lg" onClick={() => void run(step)} data-step={step}>
              {STEP_LABEL[step]}
            </Button>
          ))}
        </Group>
      )}
      {stepUp && (
        <RecallStepUpForm
          step={stepUp}
          label={STEP_LABEL[stepUp]}
          onSubmit={(pin, disposition) => run(stepUp, { pin, disposition })}
        />
      )}
    </Stack>
  );
}
