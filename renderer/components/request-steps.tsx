import { Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import type { RequestStatus, SupplyRequest } from '../../shared/model';
import type { Person } from '../../shared/permissions';
import { authorize } from '../../shared/permissions';
import { actOfEntry, earlierActs } from '../../shared/replenishment/request-step';
import {
  levelsApproved,
  levelsDemanded,
  lineProgress,
} from '../../shared/replenishment/request-progress';
import { canTransition, nextApprovalLevel } from '../../shared/replenishment/request-status';
import { useServices } from '../app/services';
import { moveRequestAs } from '../store/request-writer';
import { focusIsLost, focusQuietly } from './focus-landing';
import { ProblemAlert } from './problem-alert';

/**
 * Which approval policy demanded the levels. Version 0 is the built-in one that applies until the
 * centre saves the facility's first: "policy version 0" read like a fault to a supervisor.
 */
function policyWords(version: number | undefined): string {
  return version ? `policy version ${version}` : 'the built-in policy: the centre has set none';
}

/**
 * The steps a person at this PC may take on a request: acknowledge, approve, reject, and receive
 * what has been shipped (the units shipped and not yet received, named line by line). The screen
 * asks the permission model what to offer, and says why a requester sees no Approve button; the
 * writer decides again when the step is taken.
 */
export function RequestSteps({ request, person }: { request: SupplyRequest; person: Person }) {
  const { db, facilityId } = useServices();
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string>();
  const steps = useRef<HTMLDivElement>(null);
  // A step taken here, waiting for the request to show it: then the focus moves on (below).
  const [stepFrom, setStepFrom] = useState<{ historyLength: number; card: HTMLElement | null }>();
  useEffect(() => {
    if (!stepFrom || request.history.length <= stepFrom.historyLength) return;
    setStepFrom(undefined);
    // The button pressed has gone with the step: the focus goes to the request's next forward
    // step (never to Reject, a slip of Enter there would undo the work), or to its card, not to
    // the top of the page.
    if (!focusIsLost() && !steps.current?.contains(document.activeElement)) return;
    const next = steps.current?.querySelector<HTMLElement>('[data-forward-step]');
    if (!focusQuietly(next)) focusQuietly(stepFrom.card);
  }, [stepFrom, request.history.length]);
  const may = (to: RequestStatus) =>
    canTransition(request.status, to) &&
    authorize(
      to === 'approved'
        ? actOfEntry({ status: to, level: nextApprovalLevel(request) })
        : actOfEntry({ status: to }),
      {
        actor: person,
        earlier: earlierActs(request),
      },
    ).ok;
  const awaitingApproval =
    request.status === 'acknowledged' &&
    levelsApproved(request.history).size < levelsDemanded(request.history);
  const ownRequest =
    awaitingApproval &&
    request.history.some(
      (e) => e.by === person.id && (e.status === 'draft' || e.status === 'submitted'),
    );
  // What has arrived and is not yet received: a receipt names exactly those units.
  const arrived = lineProgress(request)
    .map((l) => ({ itemId: l.itemId, quantity: l.shipped - l.received }))
    .filter((l) => l.quantity > 0);
  const take = async (to: RequestStatus) => {
    const before = {
      historyLength: request.history.length,
      card: steps.current?.closest<HTMLElement>('[data-request-card]') ?? null,
    };
    const moved = await moveRequestAs(
      db,
      { facilityId, actorId: person.id, now: () => new Date() },
      request.id,
      to,
      to === 'rejected' ? { note: reason.trim() } : to === 'received' ? { lines: arrived } : {},
    );
    setProblem(moved.ok ? undefined : moved.message);
    if (moved.ok) {
      setReason('');
      setStepFrom(before);
    }
  };
  const canAck = may('acknowledged');
  const canApprove = awaitingApproval && may('approved');
  const canReject = may('rejected');
  const canReceive = arrived.length > 0 && may('received');
  if (!canAck && !canApprove && !canReject && !canReceive && !ownRequest) return null;
  return (
    <Stack gap="xs" mt="sm" ref={steps}>
      {awaitingApproval && (
        <Text fz="lg" data-testid="approval-needed">
          Needs approval level {nextApprovalLevel(request)} of {levelsDemanded(request.history)} (
          {policyWords(request.history.findLast((e) => e.status === 'acknowledged')?.policyVersion)}
          )
        </Text>
      )}
      {ownRequest && (
        <Text fz="lg" data-testid="own-request">
          You raised this request: another supervisor approves it.
        </Text>
      )}
      <Group align="flex-end">
        {canAck && (
          <Button size="lg" onClick={() => void take('acknowledged')} data-forward-step>
            Acknowledge
          </Button>
        )}
        {canReceive && (
          <Button size="lg" color="green.9" onClick={() => void take('received')} data-forward-step>
            Mark received ({arrived.reduce((sum, l) => sum + l.quantity, 0)} units)
          </Button>
        )}
        {canApprove && (
          <Button size="lg" onClick={() => void take('approved')} data-forward-step>
            Approve
          </Button>
        )}
        {canReject && (
          <>
            <TextInput
              label="Why reject it"
              size="lg"
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
            />
            <Button size="lg" color="red.9" variant="outline" onClick={() => void take('rejected')}>
              Reject
            </Button>
          </>
        )}
      </Group>
      <ProblemAlert message={problem} />
    </Stack>
  );
}
