import { Button, Group, PasswordInput, Select, Stack } from '@mantine/core';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { beep } from '../scanning/feedback';
import { useFocusRescue } from './focus-landing';

export type Disposition = 'return-to-supplier' | 'destroy';

/** A step refused: about the PIN (said beside it) or about the step (said by the panel). */
export interface StepRefusal {
  at: 'pin' | 'panel';
  message: string;
}

/**
 * Dispose of or close a recall case: the steps for which the person proves again who they are
 * (DOMAIN.md §6). A real form, like the count approval: Enter in the PIN field records the step, a
 * missing, wrong or locked PIN is said beside the field with the focus back in it. From disposal
 * to closing the form stays (only its step changes), so the focus stays where the person had it.
 */
export function RecallStepUpForm({
  step,
  label,
  onSubmit,
}: {
  step: 'disposed' | 'closed';
  label: string;
  /** Records the step; resolves to its refusal, if any. */
  onSubmit: (pin: string, disposition: Disposition | undefined) => Promise<StepRefusal | undefined>;
}) {
  const [pin, setPin] = useState('');
  const [disposition, setDisposition] = useState<Disposition>('return-to-supplier');
  const [pinProblem, setPinProblem] = useState<string>();
  const [busy, setBusy] = useState(false);
  const pinField = useRef<HTMLInputElement>(null);
  // Closed, the form goes: the focus goes to the screen's heading, not the page body.
  const form = useFocusRescue<HTMLFormElement>();
  // At 1366×768 the field can sit at the bottom edge with its message below the fold.
  useEffect(() => {
    if (pinProblem) form.current?.scrollIntoView({ block: 'nearest' });
  }, [pinProblem, form]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    const refusal = await onSubmit(pin, step === 'disposed' ? disposition : undefined);
    setBusy(false);
    setPin('');
    setPinProblem(refusal?.at === 'pin' ? refusal.message : undefined);
    if (refusal?.at === 'pin') {
      beep('warn');
      pinField.current?.focus();
    }
  };

  return (
    <form ref={form} onSubmit={(e) => void submit(e)} aria-label={label}>
      <Stack gap="sm">
        <Group align="flex-start">
          {step === 'disposed' && (
            <Select
              label="Disposition"
              size="lg"
              value={disposition}
              onChange={(value) => value && setDisposition(value as Disposition)}
              allowDeselect={false}
              data={[
                { value: 'return-to-supplier', label: 'Return to supplier' },
                { value: 'destroy', label: 'Destroy' },
              ]}
            />
          )}
          <PasswordInput
            ref={pinField}
            label="Your PIN (confirms this step)"
            size="lg"
            value={pin}
            onChange={(e) => {
              setPinProblem(undefined);
              setPin(e.currentTarget.value);
            }}
            error={pinProblem}
            // Said beside the field it is about and announced at once, as in the count approval.
            errorProps={{ role: 'alert', fz: 'md', fw: 700, c: 'red.9' }}
            autoComplete="off"
            inputMode="numeric"
            w={300}
          />
        </Group>
        <Group>
          <Button type="submit" size="lg" loading={busy} data-step={step}>
            {label}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
