import { Badge, Button, Group, Select, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import {
  centreStepsFrom,
  escalationAt,
  escalationRefusal,
  requestItemLabel,
  requestLocationLabel,
  type RequestView,
} from '../../shared/console';
import { REQUEST_PRIORITIES, type RequestStatus } from '../../shared/model';
import { substitutesProposable, substitutionStates } from '../../shared/replenishment/substitution';
import { consoleApi } from '../api/calls';
import type { ApiError } from '../api/http';
import { useLive } from '../app/use-live';
import { useLoad } from '../app/use-load';
import { useNow } from '../app/use-now';
import { useSession } from '../app/session';
import { hashOf, hashParam } from '../app/use-hash-route';
import { DataTable } from '../components/data-table';
import { useFacilityNames } from '../components/use-facility-names';
import { Dialog } from '../components/dialog';
import { Problem } from '../components/problem';
import { TONE } from '../components/tones';
import { formatTime } from '../components/when';
import { EscalateRequestForm } from './escalate-request-form';
import { ErpEscalations } from './request-erp-escalations';
import { StepReasonForm } from './step-reason-form';
import { SubstituteForm } from './substitute-form';
import { isolatedName } from '../../shared/console/isolated-name';

const STEP_WORDS: Partial<Record<RequestStatus, string>> = {
  acknowledged: 'Acknowledge',
  approved: 'Approve',
  rejected: 'Reject…',
  ordered: 'Mark ordered',
  picking: 'Mark picking',
  shipped: 'Mark shipped',
  cancelled: 'Cancel…',
};
/** Steps that carry the buyer's reason. */
type ReasonStep = 'rejected' | 'cancelled';
const needsReason = (status: RequestStatus): status is ReasonStep =>
  status === 'rejected' || status === 'cancelled';

function submittedAt(view: RequestView): string {
  return view.request.history.find((h) => h.status === 'submitted')?.at ?? view.request.createdAt;
}

const SUBSTITUTION_WORDS = {
  open: 'waiting for the ward',
  accepted: 'accepted',
  refused: 'refused',
  superseded: 'not needed',
  lapsed: 'lapsed',
} as const;

/** Each proposed substitute and where the ward's decision left it. */
function Substitutions({ view }: { view: RequestView }) {
  const proposals = view.request.substitutions ?? [];
  if (proposals.length === 0) return null;
  const states = substitutionStates(view.request);
  return (
    <Stack gap={0} data-testid="request-substitutions">
      {proposals.map((s) => (
        <Text key={s.id} fz="xs">
          Substitute {s.quantity} × {requestItemLabel(view, s.itemId)} for{' '}
          {requestItemLabel(view, s.lineItemId)}: {SUBSTITUTION_WORDS[states.get(s.id) ?? 'open']}
          {s.decision?.note ? ` (“${s.decision.note}”)` : ''}
        </Text>
      ))}
    </Stack>
  );
}

function itemsOf(view: RequestView): string {
  return view.request.lines
    .map((l) => {
      const progress = view.lines.find((p) => p.itemId === l.itemId);
      const moved = progress && progress.shipped > 0 ? ` (${progress.shipped} shipped)` : '';
      return `${l.quantity} × ${requestItemLabel(view, l.itemId)}${moved}`;
    })
    .join(', ');
}

/**
 * Every open supply request of the network, the latest on the escalation ladder first: a buyer
 * acknowledges, approves, orders, ships, rejects or cancels from here, or escalates to the ERP by
 * hand with a reason; an analyst only looks.
 */
export function RequestsScreen() {
  const { may, state } = useSession();
  const list = useLoad(() => consoleApi.requests());
  const facilityName = useFacilityNames();
  const facilities = useLoad(() => consoleApi.facilities());
  // The filter lives in the hash: the Indicators screen links here with a facility chosen.
  const [facility, setFacility] = useState<string | null>(() => hashParam('facility'));
  const chooseFacility = (id: string | null) => {
    setFacility(id);
    window.history.replaceState(null, '', hashOf('requests', { facility: id }));
  };
  const rows = (list.data?.requests ?? []).filter(
    (v) => !facility || v.request.facilityId === facility,
  );
  useLive(list.reload);
  const [problem, setProblem] = useState<ApiError>();
  const [reasonFor, setReasonFor] = useState<{ view: RequestView; status: ReasonStep }>();
  const [substituteFor, setSubstituteFor] = useState<RequestView>();
  const [escalateFor, setEscalateFor] = useState<RequestView>();
  const act = async (id: string, status: RequestStatus) => {
    setProblem(undefined);
    try {
      await consoleApi.takeRequestStep(id, status);
      list.reload();
    } catch (error) {
      setProblem(error as ApiError);
    }
  };
  const mayAct = may('exceptions.work');
  const mayEscalate = (v: RequestView) =>
    state.phase === 'signed-in' &&
    escalationRefusal({ role: state.user.role, request: v.request, recorded: v.erpEscalations }) ===
      undefined;
  const now = useNow();
  return (
    <Stack gap="lg">
      <Title order={1} size="h2">
        Requests
      </Title>
      <Select
        label="Facility"
        placeholder="Every facility"
        clearable
        searchable
        data={(facilities.data?.facilities ?? []).map((f) => ({
          value: f.id,
          label: `${isolatedName(f.name)} (${f.id})`,
        }))}
        value={facility}
        onChange={chooseFacility}
        w={320}
      />
      <Problem error={list.error ?? problem} title="Not done" />
      <DataTable
        caption="Open supply requests, the most overdue first: a highlighted row is escalated"
        testId="requests-table"
        rows={rows}
        rowKey={(v) => v.request.id}
        attention={(v) => escalationAt(v, now) !== null || v.erpEscalations.length > 0}
        empty={
          facility
            ? `No open request at ${facilityName(facility)}.`
            : 'No open request in the network.'
        }
        columns={[
          {
            header: 'Facility',
            cell: (v) => facilityName(v.request.facilityId),
            sortValue: (v) => facilityName(v.request.facilityId),
          },
          {
            header: 'Priority',
            // Ascending puts STAT first: the most urgent is what a buyer sorts for.
            sortValue: (v) => -REQUEST_PRIORITIES.indexOf(v.request.priority),
            cell: (v) => (
              // Never cut to "URG…" in a narrow column.
              <Badge
                color={v.request.priority === 'stat' ? TONE.bad : TONE.info}
                variant="filled"
                style={{ minWidth: 'max-content' }}
              >
                {v.request.priority}
              </Badge>
            ),
          },
          {
            header: 'Items',
            cell: (v) => (
              <Stack gap={2}>
                <Text fz="sm">{itemsOf(v)}</Text>
                <Substitutions view={v} />
              </Stack>
            ),
          },
          { header: 'For', cell: (v) => requestLocationLabel(v) },
          {
            header: 'Status',
            sortValue: (v) => submittedAt(v),
            cell: (v) => (
              <Stack gap={2}>
                <Text fz="sm">{v.request.status}</Text>
                <Text fz="xs">submitted {formatTime(submittedAt(v))}</Text>
              </Stack>
            ),
          },
          {
            header: 'Escalation',
            cell: (v) => {
              // Climbed against the moving clock: a request turns late while the page is open.
              const escalation = escalationAt(v, now);
              return (
                <Stack gap={2}>
                  {escalation ? (
                    <Text fz="sm" fw={700} c={TONE.bad} data-testid="request-escalation">
                      {escalation.message}
                    </Text>
                  ) : (
                    v.erpEscalations.length === 0 && <Text fz="sm">On time</Text>
                  )}
                  <ErpEscalations view={v} />
                </Stack>
              );
            },
          },
          ...(mayAct
            ? [
                {
                  header: 'Act',
                  cell: (v: RequestView) => (
                    <Group gap="xs">
                      {centreStepsFrom(v.request.status).map((status) => (
                        <Button
                          key={status}
                          size="xs"
                          variant={needsReason(status) ? 'default' : 'light'}
                          aria-label={`${STEP_WORDS[status] ?? status} request ${v.request.id}`}
                          onClick={() =>
                            needsReason(status)
                              ? setReasonFor({ view: v, status })
                              : void act(v.request.id, status)
                          }
                        >
                          {STEP_WORDS[status] ?? status}
                        </Button>
                      ))}
                      {substitutesProposable(v.request.status) && (
                        <Button
                          size="xs"
                          variant="default"
                          aria-label={`Propose a substitute for request ${v.request.id}`}
                          onClick={() => setSubstituteFor(v)}
                        >
                          Substitute…
                        </Button>
                      )}
                      {mayEscalate(v) && (
                        <Button
                          size="xs"
                          variant="default"
                          aria-label={`Escalate to ERP… request ${v.request.id}`}
                          onClick={() => setEscalateFor(v)}
                        >
                          Escalate to ERP…
                        </Button>
                      )}
                    </Group>
                  ),
                },
              ]
            : []),
        ]}
      />
      {substituteFor && (
        <Dialog
          title={`Propose a substitute for request ${substituteFor.request.id}`}
          onClose={() => setSubstituteFor(undefined)}
        >
          <SubstituteForm
            request={substituteFor.request}
            itemLabel={(itemId) => requestItemLabel(substituteFor, itemId)}
            onCancel={() => setSubstituteFor(undefined)}
            onProposed={() => {
              setSubstituteFor(undefined);
              list.reload();
            }}
          />
        </Dialog>
      )}
      {escalateFor && (
        <Dialog
          title={`Escalate request ${escalateFor.request.id} to the ERP`}
          onClose={() => setEscalateFor(undefined)}
        >
          <EscalateRequestForm
            request={escalateFor.request}
            facility={facilityName(escalateFor.request.facilityId)}
            escalatedBy={
              list.data?.requests.find((v) => v.request.id === escalateFor.request.id)
                ?.escalatedBy ?? escalateFor.escalatedBy
            }
            onCancel={() => setEscalateFor(undefined)}
            onRefused={list.reload}
            onEscalated={() => {
              // Closed first: focus goes back to the button while it is still there, and the
              // table keeps the row's place when the reload takes the button away.
              setEscalateFor(undefined);
              list.reload();
            }}
          />
        </Dialog>
      )}
      {reasonFor && (
        <Dialog
          title={`${reasonFor.status === 'rejected' ? 'Reject' : 'Cancel'} request ${reasonFor.view.request.id}`}
          onClose={() => setReasonFor(undefined)}
        >
          <StepReasonForm
            requestId={reasonFor.view.request.id}
            status={reasonFor.status}
            onCancel={() => setReasonFor(undefined)}
            onRefused={list.reload}
            onTaken={() => {
              // Closed first, as after an escalation: focus goes back to the row's button.
              setReasonFor(undefined);
              list.reload();
            }}
          />
        </Dialog>
      )}
    </Stack>
  );
}
