import { Badge, Button, Card, Group, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import type { Substitution, SupplyRequest } from '../../shared/model';
import { authorize, type Person } from '../../shared/permissions';
import {
  substitutionStates,
  type SubstituteDecisionInput,
  type SubstitutionState,
} from '../../shared/replenishment/substitution';
import { announceRecorded } from '../app/announce-recorded';
import { useServices } from '../app/services';
import { useStockData } from '../app/stock-data';
import { useUserNames } from '../app/use-user-names';
import { decideSubstituteAs } from '../store/substitution-writer';
import { ProblemAlert } from './problem-alert';
import { when } from '../app/when';

const STATE_WORDS: Record<SubstitutionState, { label: string; color: string }> = {
  open: { label: 'Waiting for your decision', color: '#9c3d00' },
  accepted: { label: 'Accepted', color: '#1e6b30' },
  refused: { label: 'Refused', color: 'gray.8' },
  superseded: { label: 'Settled by another decision', color: 'gray.8' },
  lapsed: { label: 'No longer applies: shipped as asked', color: 'gray.8' },
};

/**
 * The substitutes the centre proposed on a request, each with where it stands; a person who may
 * decide accepts or refuses an open one with a clinical note (the writer decides again).
 */
export function SubstitutionPanel({
  request,
  person,
}: {
  request: SupplyRequest;
  person: Person | undefined;
}) {
  const proposals = request.substitutions ?? [];
  if (proposals.length === 0) return null;
  const states = substitutionStates(request);
  const mayDecide = person !== undefined && authorize('request.substitution', { actor: person }).ok;
  return (
    <Stack gap="xs" mt="sm" data-testid="substitutions">
      {proposals.map((s) => (
        <Proposal
          key={s.id}
          request={request}
          proposal={s}
          state={states.get(s.id) ?? 'open'}
          person={mayDecide ? person : undefined}
        />
      ))}
    </Stack>
  );
}

function Proposal({
  request,
  proposal,
  state,
  person,
}: {
  request: SupplyRequest;
  proposal: Substitution;
  state: SubstitutionState;
  person: Person | undefined;
}) {
  const { db, facilityId } = useServices();
  const { itemById } = useStockData();
  const nameOf = useUserNames();
  const [note, setNote] = useState('');
  const [problem, setProblem] = useState<string>();
  const name = (id: string) => itemById.get(id)?.name ?? id;
  const line = request.lines.find((l) => l.itemId === proposal.lineItemId);
  const words =
    state === 'open' && !person
      ? { label: 'Waiting for the ward’s decision: not to be picked', color: '#9c3d00' }
      : STATE_WORDS[state];
  const noteId = `sub-note-${request.id}-${proposal.id}`;
  const decide = async (input: Omit<SubstituteDecisionInput, 'note'>) => {
    if (!person) return;
    if (note.trim() === '') {
      setProblem(
        `Write a clinical note first: why ${name(proposal.itemId)} is or is not acceptable.`,
      );
      document.getElementById(noteId)?.focus();
      return;
    }
    const decided = await decideSubstituteAs(
      db,
      { facilityId, actorId: person.id, now: () => new Date() },
      request.id,
      proposal.id,
      { ...input, note },
    );
    if (!decided.ok) return setProblem(decided.message);
    setProblem(undefined);
    setNote('');
    announceRecorded(
      input.outcome === 'accepted' ? 'Substitute accepted' : 'Substitute refused',
      `${proposal.quantity} × ${name(proposal.itemId)} for ${name(proposal.lineItemId)}.${
        decided.request.status === 'cancelled' ? ' No line is left: the request is cancelled.' : ''
      }`,
    );
  };
  return (
    <Card withBorder padding="md" data-testid="substitution" data-state={state}>
      <Group gap="sm">
        <Badge size="lg" color={words.color}>
          {words.label}
        </Badge>
        <Text fz="lg" fw={700}>
          Substitute: {proposal.quantity} × {name(proposal.itemId)} instead of{' '}
          {line ? `${line.quantity} × ` : ''}
          {name(proposal.lineItemId)}
        </Text>
      </Group>
      <Text fz="md" mt={4}>
        Why: {proposal.reason} · proposed by {nameOf(proposal.proposedBy)} at{' '}
        {when(proposal.proposedAt)}
      </Text>
      {proposal.decision && (
        <Text fz="md" mt={4} data-testid="substitution-decision">
          {proposal.decision.outcome === 'accepted' ? 'Accepted' : 'Refused'} by{' '}
          {nameOf(proposal.decision.by)} at {when(proposal.decision.at)}
          {proposal.decision.refusal === 'cancel-line' ? ' (line cancelled)' : ''}
          {proposal.decision.refusal === 'wait' ? ' (line keeps waiting)' : ''}:{' '}
          {proposal.decision.note}
        </Text>
      )}
      {state === 'open' && person && (
        <Stack gap="xs" mt="sm">
          <Textarea
            id={noteId}
            label="Clinical note (required)"
            description="Why this substitute is or is not acceptable for the patients on this ward"
            size="lg"
            autosize
            minRows={2}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
          />
          <Group>
            <Button size="lg" color="#1e6b30" onClick={() => void decide({ outcome: 'accepted' })}>
              Accept substitute
            </Button>
            <Button
              size="lg"
              variant="outline"
              onClick={() => void decide({ outcome: 'refused', refusal: 'wait' })}
            >
              Refuse, keep waiting
            </Button>
            <Button
              size="lg"
              variant="outline"
              color="red.9"
              onClick={() => void decide({ outcome: 'refused', refusal: 'cancel-line' })}
            >
              Refuse, cancel this line
            </Button>
          </Group>
          <ProblemAlert message={problem} />
        </Stack>
      )}
    </Card>
  );
}
