import { Badge, Group, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { PC_CONCERN_WORDS, pcConcerns, type PcConcern, type PcHealth } from '../../shared/console';
import { consoleApi } from '../api/calls';
import type { ApiError } from '../api/http';
import { useLive } from '../app/use-live';
import { useLoad } from '../app/use-load';
import { useNow } from '../app/use-now';
import { useSession } from '../app/session';
import { ConfirmButton } from '../components/confirm-button';
import { DataTable } from '../components/data-table';
import { useFacilityNames } from '../components/use-facility-names';
import { Problem } from '../components/problem';
import { When, formatAge } from '../components/when';
import { TONE } from '../components/tones';
import { isolatedName } from '../../shared/console/isolated-name';

function gapText(pc: PcHealth): string {
  if (pc.gaps.length === 0) return 'none';
  const missing = missingEvents(pc);
  const first = pc.gaps
    .slice(0, 3)
    .map((g) => (g.from === g.to ? `${g.from}` : `${g.from}–${g.to}`));
  return `${missing} missing (${first.join(', ')}${pc.gaps.length > 3 ? ', …' : ''})`;
}

function missingEvents(pc: PcHealth): number {
  return pc.gaps.reduce((n, g) => n + g.to - g.from + 1, 0);
}

/**
 * Last contact as a sort value: the oldest first when ascending, and a PC never heard from before
 * every one that was, since it is the quietest of all (the caption says so).
 */
function lastContactOrder(pc: PcHealth): number {
  return pc.lastContactAt ? Date.parse(pc.lastContactAt) : Number.MIN_SAFE_INTEGER;
}

const PRESSING: PcConcern[] = ['quiet', 'gaps', 'refused', 'token-ending'];

/** Status as a sort value: ascending puts the most pressing concern first, then OK, then revoked. */
function statusOrder(pc: PcHealth, now: Date): number {
  const concerns = pcConcerns(pc, now);
  if (concerns.includes('revoked')) return 1_000;
  if (concerns.length === 0) return 500;
  // Within the same first concern, the PC with more of them comes first.
  return PRESSING.indexOf(concerns[0] ?? 'token-ending') * 10 - concerns.length;
}

/** How long the PC's device token has lived: "3 days old", "under a minute old". */
function tokenAge(pc: PcHealth, now: Date): string {
  const age = formatAge(pc.enrolledAt, now).replace(' ago', '');
  return age === 'just now' ? 'under a minute old' : `${age} old`;
}

function waitingText(pc: PcHealth, now: Date): string {
  if (pc.documentsWaiting === null || !pc.reportedAt) return 'not reported';
  const count = pc.documentsWaiting === 0 ? 'none' : String(pc.documentsWaiting);
  return `${count} (reported ${formatAge(pc.reportedAt, now)})`;
}

/**
 * Every stockroom PC, quiet ones first; live (the endpoint's stream), and its ages count on while
 * the page stays open. A person looking for the quiet PCs sorts by facility, last contact or status.
 */
export function PcsTable() {
  const { may } = useSession();
  const pcs = useLoad(() => consoleApi.pcs());
  const facilityName = useFacilityNames();
  useLive(pcs.reload);
  const [problem, setProblem] = useState<ApiError>();
  const now = useNow();
  const rows = [...(pcs.data?.pcs ?? [])].sort(
    (a, b) =>
      Number(Boolean(a.revokedAt)) - Number(Boolean(b.revokedAt)) ||
      pcConcerns(b, now).length - pcConcerns(a, now).length,
  );
  const needsLook = rows.filter((pc) => !pc.revokedAt && pcConcerns(pc, now).length > 0).length;
  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Title order={2} size="h3">
          Stockroom PCs
        </Title>
        <Text>
          {rows.length === 1 ? '1 PC' : `${rows.length} PCs`}, {needsLook}{' '}
          {needsLook === 1 ? 'needs' : 'need'} a look
        </Text>
      </Group>
      <Problem error={pcs.error ?? problem} />
      <DataTable
        caption="Stockroom PCs: a highlighted row needs a look"
        testId="pcs-table"
        rows={rows}
        rowKey={(pc) => pc.deviceId}
        attention={(pc) => !pc.revokedAt && pcConcerns(pc, now).length > 0}
        empty={
          pcs.loading ? 'Loading PCs…' : 'No PC enrolled yet: enrol one from a facility above.'
        }
        columns={[
          {
            header: 'Facility',
            cell: (pc) => facilityName(pc.facilityId),
            sortValue: (pc) => facilityName(pc.facilityId),
          },
          {
            // The app version and token age ride under the name: at 1366 px, as columns of their
            // own, they pushed the Revoke button out of the window.
            header: 'PC',
            cell: (pc) => (
              <Stack gap={2}>
                <bdi title={pc.deviceId}>{pc.name}</bdi>
                <Text fz="xs" c="dimmed">
                  {pc.appVersion ? `app ${pc.appVersion}` : 'app version not reported'} · token{' '}
                  {tokenAge(pc, now)}
                </Text>
              </Stack>
            ),
            sortValue: (pc) => pc.name,
          },
          {
            header: 'Last contact',
            cell: (pc) => (
              <Stack gap={2}>
                <When iso={pc.lastContactAt} now={now} />
                <Text fz="xs" c="dimmed">
                  last push accepted <When iso={pc.lastPushAcceptedAt} now={now} />
                </Text>
              </Stack>
            ),
            sortValue: lastContactOrder,
            sortNote: (descending) =>
              descending
                ? 'the latest first, PCs never heard from last'
                : 'PCs never heard from first, then the longest quiet',
          },
          { header: 'Documents waiting on the PC', cell: (pc) => waitingText(pc, now) },
          {
            header: 'Pushes refused',
            cell: (pc) => pc.refusedPushes,
            sortValue: (pc) => pc.refusedPushes,
          },
          { header: 'Events received', cell: (pc) => pc.received },
          { header: 'Sequence gaps', cell: (pc) => gapText(pc), sortValue: missingEvents },
          {
            header: 'Status',
            sortValue: (pc) => statusOrder(pc, now),
            sortNote: (descending) =>
              descending
                ? 'revoked first, then OK, then the least pressing'
                : 'the most pressing first, then OK, then revoked',
            cell: (pc) => {
              const concerns = pcConcerns(pc, now);
              if (concerns.length === 0) return <Badge color={TONE.ok}>OK</Badge>;
              // Never cut to "RE…" in a narrow column.
              return (
                <Group gap={4}>
                  {concerns.map((c) => (
                    <Badge
                      key={c}
                      color={c === 'revoked' ? TONE.neutral : TONE.warn}
                      variant="filled"
                      style={{ minWidth: 'max-content' }}
                    >
                      {PC_CONCERN_WORDS[c]}
                    </Badge>
                  ))}
                </Group>
              );
            },
          },
          ...(may('devices.manage')
            ? [
                {
                  header: 'Act',
                  cell: (pc: PcHealth) =>
                    pc.revokedAt ? null : (
                      <ConfirmButton
                        label="Revoke"
                        ariaLabel={`Revoke ${pc.name} (${pc.facilityId})`}
                        title={`Revoke ${isolatedName(pc.name)}?`}
                        confirmLabel="Revoke this PC"
                        onConfirm={async () => {
                          setProblem(undefined);
                          try {
                            await consoleApi.revokePc(pc.deviceId);
                          } catch (error) {
                            setProblem(error as ApiError);
                          }
                          pcs.reload();
                        }}
                      >
                        Its next request to the centre is refused, and it stops syncing. To use it
                        again, enrol it with a new code.
                      </ConfirmButton>
                    ),
                },
              ]
            : []),
        ]}
      />
    </Stack>
  );
}
