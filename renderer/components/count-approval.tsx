import { Alert, Button, Group, PasswordInput, Stack, Text } from '@mantine/core';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useBadgeScan } from '../app/use-badge-scan';
import { beep } from '../scanning/feedback';
import type { StepUpProof } from '../session/step-up';

/** The writer's refusal of an approval: its stable code says which field it is about. */
export interface ApprovalRefusal {
  code: string;
  message: string;
}

/** Refusals about the PIN: the badge was right, so only the PIN is asked again. */
const ABOUT_PIN = new Set(['STEP_UP_PIN_WRONG', 'STEP_UP_LOCKED']);
/** Refusals about whose badge it is: another person must scan theirs. */
const ABOUT_BADGE = new Set([
  'STEP_UP_BADGE_UNKNOWN',
  'SECOND_PERSON_SAME',
  'SECOND_PERSON_NOT_PERMITTED',
  'USER_INACTIVE',
  'USER_NOT_AT_FACILITY',
]);

type Problem = { at: 'badge' | 'pin' | 'panel'; message: string };

/**
 * A second person confirms a stock change outside the count tolerance (DOMAIN.md §6): on the
 * counter's screen they scan their badge and enter their PIN. This only asks; the ledger writer
 * verifies both and refuses the counter, an unknown badge or a role that may not approve.
 * The variance itself stays hidden: a count is blind.
 */
export function CountApproval({
  what = 'count',
  onApproved,
  onDefer,
  onCancel,
}: {
  what?: 'count' | 'adjustment';
  /** Records it as awaiting a supervisor instead (counts only); resolves to a refusal, if any. */
  onDefer?: () => Promise<ApprovalRefusal | undefined>;
  /** Records the change with this proof; resolves to the writer's refusal, if any. */
  onApproved: (proof: StepUpProof) => Promise<ApprovalRefusal | undefined>;
  onCancel: () => void;
}) {
  const [badge, setBadge] = useState('');
  const [pin, setPin] = useState('');
  const [problem, setProblem] = useState<Problem>();
  const [busy, setBusy] = useState(false);
  const badgeField = useRef<HTMLInputElement>(null);
  const pinField = useRef<HTMLInputElement>(null);
  const form = useRef<HTMLFormElement>(null);
  // At 1366×768 the focused field can sit at the bottom edge with its message below the fold.
  useEffect(() => {
    if (problem) form.current?.scrollIntoView({ block: 'nearest' });
  }, [problem]);

  // The scanner types the badge: it fills the badge field, and the PIN is next.
  useBadgeScan((scanned) => {
    beep('ok');
    setProblem(undefined);
    setBadge(scanned);
    pinField.current?.focus();
    pinField.current?.select();
  }, badgeField);

  const refuse = (next: Problem) => {
    beep('warn');
    setProblem(next);
    const field = next.at === 'pin' ? pinField : badgeField;
    field.current?.focus();
  };

  const approve = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    if (badge.trim() === '') {
      return refuse({ at: 'badge', message: "Scan the approver's badge first." });
    }
    if (pin.trim() === '') {
      return refuse({ at: 'pin', message: 'The approver enters their PIN.' });
    }
    setBusy(true);
    const refusal = await onApproved({ badge, pin });
    setBusy(false);
    setPin('');
    if (!refusal) return setProblem(undefined);
    if (ABOUT_PIN.has(refusal.code)) return refuse({ at: 'pin', message: refusal.message });
    setBadge('');
    refuse({ at: ABOUT_BADGE.has(refusal.code) ? 'badge' : 'panel', message: refusal.message });
  };

  const fieldError = (at: Problem['at']) => (problem?.at === at ? problem.message : undefined);
  // Said beside the field it is about, announced at once, in a red that reads on the orange.
  const errorProps = { role: 'alert', fz: 'md', fw: 700, c: 'red.9' } as const;

  return (
    <Alert color="orange" title="Approval needed" data-testid="count-approval">
      <Stack gap="sm">
        <Text fz="lg">
          This {what} is outside the tolerance. A supervisor other than you confirms the stock
          change with their badge and PIN.
          {onDefer &&
            ' No supervisor here? Send it for approval: it is kept as counted and changes no stock until a supervisor approves it.'}
        </Text>
        {onDefer && (
          <Group>
            <Button
              size="lg"
              color="#9c3d00"
              autoFocus
              loading={busy}
              data-testid="count-defer"
              onClick={() => {
                setBusy(true);
                void onDefer().then((refusal) => {
                  setBusy(false);
                  if (refusal) setProblem({ at: 'panel', message: refusal.message });
                });
              }}
            >
              Send for supervisor approval
            </Button>
          </Group>
        )}
        <form ref={form} onSubmit={(e) => void approve(e)} aria-label={`Approve the ${what}`}>
          <Stack gap="sm">
            <Group align="flex-start">
              <PasswordInput
                ref={badgeField}
                label="Approver's badge"
                size="lg"
                w={300}
                value={badge}
                onChange={(e) => {
                  setProblem(undefined);
                  setBadge(e.currentTarget.value);
                }}
                error={fieldError('badge')}
                errorProps={errorProps}
                autoComplete="off"
              />
              <PasswordInput
                ref={pinField}
                label="Approver's PIN"
                size="lg"
                w={300}
                value={pin}
                onChange={(e) => {
                  setProblem(undefined);
                  setPin(e.currentTarget.value);
                }}
                error={fieldError('pin')}
                errorProps={errorProps}
                autoComplete="off"
                inputMode="numeric"
              />
            </Group>
            <Group>
              <Button type="submit" size="lg" loading={busy} data-testid="count-approve">
                Approve {what}
              </Button>
              <Button type="button" size="lg" variant="default" onClick={onCancel}>
                Cancel
              </Button>
            </Group>
          </Stack>
        </form>
        {problem?.at === 'panel' && (
          <Text fz="lg" fw={700} c="red.9" role="alert">
            {problem.message}
          </Text>
        )}
      </Stack>
    </Alert>
  );
}
