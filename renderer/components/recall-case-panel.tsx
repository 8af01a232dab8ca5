import { Alert, Button, Group, PasswordInput, Select, Stack, Text, Timeline } from '@mantine/core';
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

const STEP_LABEL: Record<RecallCaseStep, string> = {
  received: 'Notice received',
  matched: 'Matched against stock',
  located: 'Stock located',
  quarantined: 'Quarantine every matched unit',
  counted: 'Quarantined units counted',
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
  const { open, advance } = useRecallCase(notice, match);
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
    const outcome = await advance(
      rc,
      step,
      step === 'disposed' && disposition
        ? { disposition: disposition as 'return-to-supplier' | 'destroy' }
        : {},
    );
    beep(outcome.ok ? 'ok' : 'warn');
    setPin('');
    if (!outcome.ok) setMessage(outcome.message);
  };

  if (!rc) {
    return (
      <Button
        size="lg"
        onClick={() => void open().then((o) => !o.ok && setMessage(o.message))}
        data-testid="recall-open-case"
      >
        Start the recall case
      </Button>
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
              {new Date(entry.at).toLocaleString()} · {nameOf(entry.by)}
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
