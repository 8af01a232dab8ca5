import { Alert, Badge, Button, Card, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { explanationNaming } from '../../shared/indicators';
import { ANOMALY_NOTE_MAX, can, type AnomalyDecisionOutcome } from '../../shared/model';
import { useServices } from '../app/services';
import { focusQuietly, useFocusRescue } from './focus-landing';
import { useStockData } from '../app/stock-data';
import { useAnomalyFlags, type ShownFlag } from '../app/use-anomaly-flags';
import { useUserNames } from '../app/use-user-names';
import { useSession } from '../session/session-store';
import { decideAnomaly } from '../store/anomaly-decisions-local';
import { ShortList } from './short-list';

const VERB: Record<AnomalyDecisionOutcome, string> = {
  confirmed: 'Confirmed',
  dismissed: 'Dismissed',
};

/**
 * The week's usage anomaly flags, from the local ledger (offline too), each in words. A flag never
 * acts by itself: a supervisor confirms it (real trouble) or dismisses it (explained), with a note;
 * the decision is kept here, checked by the same rule as at the centre, and sent with the next sync.
 */
export function UsageAnomalies() {
  const data = useStockData();
  const { flags, loading } = useAnomalyFlags(data.today);
  const user = useSession((s) => s.user);
  const names = useUserNames();
  const mayDecide = user !== undefined && can(user.role, 'anomaly.decide');
  const [deciding, setDeciding] = useState<ReadonlySet<string>>(() => new Set());
  const markDeciding = useCallback((id: string, isOpen: boolean) => {
    setDeciding((was) => {
      if (was.has(id) === isOpen) return was;
      const next = new Set(was);
      if (isOpen) next.add(id);
      else next.delete(id);
      return next;
    });
  }, []);
  // Strongest first: a week can flag dozens of places, and the overview shows the first few.
  const open = flags.filter((f) => !f.decision).sort(byStrength);
  const decided = flags.flatMap((f) => (f.decision ? [{ ...f, decision: f.decision }] : []));
  const place = (f: ShownFlag) =>
    `${data.itemById.get(f.flag.itemId)?.name ?? f.flag.itemId} at ${data.locationById.get(f.flag.locationId)?.name ?? f.flag.locationId}`;
  // A place's flag and a person's on the same day differ only by whose removals they are.
  const heading = (f: ShownFlag) =>
    `${place(f)}${f.flag.actorId ? ` · removals by ${names(f.flag.actorId)}` : ''}`;
  return (
    <Card
      withBorder
      padding="lg"
      data-testid="dash-anomalies"
      data-state={loading ? 'loading' : 'ready'}
    >
      <Title order={2} fz={22} tabIndex={-1} data-testid="anomalies-heading">
        Unusual usage · {open.length} open
      </Title>
      <Text fz="md" mt={4}>
        Each day of the last week against the same weekday of the 12 weeks before it. A flag does
        nothing by itself: {mayDecide ? 'you' : 'a supervisor'} confirm{mayDecide ? '' : 's'} or
        dismiss{mayDecide ? '' : 'es'} it with a note.
      </Text>
      {flags.length === 0 && (
        <Text fz="lg" mt="sm">
          No unusual usage this week.
        </Text>
      )}
      <ShortList
        items={open}
        itemKey={(f) => f.id}
        noun="open flags"
        keep={deciding}
        renderItem={(f) => (
          <div data-testid="anomaly-open">
            <Text fz="lg" fw={600}>
              {heading(f)}
            </Text>
            <Text fz="md">{explanationNaming(f.flag, names)}</Text>
            {f.held?.state === 'refused' && (
              <Alert color="red" mt={4} title="The centre refused the decision">
                {f.held.message}
              </Alert>
            )}
            {mayDecide && user && (
              <DecideFlag
                flag={f}
                what={`${heading(f)} on ${f.flag.date}`}
                userId={user.id}
                onDeciding={markDeciding}
              />
            )}
          </div>
        )}
      />
      {decided.length > 0 && (
        <>
          <Title order={3} fz={18} mt="md">
            Decided this week · {decided.length}
          </Title>
          <ShortList
            items={decided}
            itemKey={(f) => f.id}
            noun="decided flags"
            renderItem={(f) => (
              <div data-testid="anomaly-decided">
                <Text fz="md" fw={600}>
                  {heading(f)} · {f.flag.date}
                </Text>
                <Group gap="xs">
                  <Badge color={f.decision.decision === 'confirmed' ? 'red.9' : 'gray.8'}>
                    {VERB[f.decision.decision]}
                  </Badge>
                  <Text fz="md">
                    by{' '}
                    {f.decision.centre
                      ? `${f.decision.centre.name} at the centre`
                      : names(f.decision.decidedBy)}
                    : {f.decision.note}
                    {f.held?.state === 'waiting' ? ' (goes to the centre with the next sync)' : ''}
                  </Text>
                </Group>
              </div>
            )}
          />
        </>
      )}
    </Card>
  );
}

/** Furthest above its baseline first; the flags' own order (by day, item, place) breaks ties. */
const byStrength = (a: ShownFlag, b: ShownFlag) => b.flag.madsAbove - a.flag.madsAbove;

interface DecideFlagProps {
  flag: ShownFlag;
  /** The flag in words, for the buttons' names: a place's flag and a person's must differ. */
  what: string;
  userId: string;
  /** Told while the note form is open, so the card keeps this flag drawn until it is decided. */
  onDeciding: (flagId: string, isOpen: boolean) => void;
}

/**
 * A decided flag leaves the open list with its buttons: the focus goes to the next open flag's
 * first button (the one drawn after it, else before it), or to the card's heading when it was the
 * last, so the person decides the next one without starting again from the top of the page.
 */
function landAfterDecision(leaving: HTMLElement): void {
  const entry = leaving.closest('li');
  const card = leaving.closest<HTMLElement>('[data-testid="dash-anomalies"]');
  for (const neighbour of [entry?.nextElementSibling, entry?.previousElementSibling]) {
    const button = neighbour?.querySelector<HTMLButtonElement>('button');
    if (button && focusQuietly(button)) return;
  }
  focusQuietly(card?.querySelector<HTMLElement>('[data-testid="anomalies-heading"]'));
}

/** One element around both states of the decision, so the focus rescue sees either. */
function DecideFlag(props: DecideFlagProps) {
  const decision = useFocusRescue<HTMLDivElement>(landAfterDecision);
  return (
    <div ref={decision}>
      <DecideFlagControls {...props} />
    </div>
  );
}

function DecideFlagControls({ flag, what, userId, onDeciding }: DecideFlagProps) {
  const { db, facilityId, deviceId } = useServices();
  const [choice, setChoice] = useState<AnomalyDecisionOutcome>();
  useEffect(() => {
    onDeciding(flag.id, choice !== undefined);
    return () => onDeciding(flag.id, false);
  }, [onDeciding, flag.id, choice]);
  const [note, setNote] = useState('');
  const [problem, setProblem] = useState<string>();
  const [busy, setBusy] = useState(false);
  const noteInput = useRef<HTMLInputElement>(null);
  // Cancel in the note form: back to the button that opened it.
  const reopened = useRef<AnomalyDecisionOutcome>(undefined);
  const confirmButton = useRef<HTMLButtonElement>(null);
  const dismissButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (choice || !reopened.current) return;
    (reopened.current === 'confirmed' ? confirmButton : dismissButton).current?.focus();
    reopened.current = undefined;
  }, [choice]);
  const cancel = () => {
    reopened.current = choice;
    setChoice(undefined);
  };
  if (!choice) {
    return (
      <Group mt="xs" gap="sm">
        <Button
          ref={confirmButton}
          color="red.9"
          onClick={() => setChoice('confirmed')}
          aria-label={`Confirm the flag: ${what}`}
        >
          Confirm…
        </Button>
        <Button
          ref={dismissButton}
          variant="default"
          onClick={() => setChoice('dismissed')}
          aria-label={`Dismiss the flag: ${what}`}
        >
          Dismiss…
        </Button>
      </Group>
    );
  }
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    const refusal = await decideAnomaly(
      db,
      { facilityId, deviceId },
      {
        id: flag.id,
        facilityId,
        deviceId,
        kind: flag.flag.kind,
        date: flag.flag.date,
        itemId: flag.flag.itemId,
        locationId: flag.flag.locationId,
        ...(flag.flag.actorId !== undefined ? { actorId: flag.flag.actorId } : {}),
        explanation: flag.flag.explanation,
        decision: choice,
        note: note.trim(),
        decidedBy: userId,
        decidedAt: new Date().toISOString(),
      },
    );
    setBusy(false);
    setProblem(refusal);
    // The person stays where they were typing, with what was wrong beside it.
    if (refusal) setTimeout(() => noteInput.current?.focus(), 0);
  };
  return (
    <form onSubmit={(e) => void submit(e)}>
      <Stack gap="xs" mt="xs">
        <TextInput
          label={
            choice === 'confirmed'
              ? 'Why you confirm it (required)'
              : 'Why you dismiss it (required)'
          }
          description="The note is kept with the decision and reaches the centre."
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          maxLength={ANOMALY_NOTE_MAX}
          autoFocus
          ref={noteInput}
          size="md"
          {...(problem ? { error: problem } : {})}
        />
        <Group gap="sm">
          <Button type="submit" loading={busy} color={choice === 'confirmed' ? 'red.9' : undefined}>
            {choice === 'confirmed' ? 'Confirm flag' : 'Dismiss flag'}
          </Button>
          <Button variant="default" onClick={cancel}>
            Cancel
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
