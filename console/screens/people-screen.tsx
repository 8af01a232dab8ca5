import { Badge, Stack, Title } from '@mantine/core';
import { useState } from 'react';
import type { ConsoleUserView } from '../../shared/console';
import { consoleApi } from '../api/calls';
import type { ApiError } from '../api/http';
import { useLoad } from '../app/use-load';
import { useSession } from '../app/session';
import { ConfirmButton } from '../components/confirm-button';
import { DataTable } from '../components/data-table';
import { Problem } from '../components/problem';
import { formatTime } from '../components/when';
import { TONE } from '../components/tones';
import { AddPersonForm } from './add-person-form';
import { isolatedName } from '../../shared/console/isolated-name';

/**
 * The console's people and their roles. An admin adds a person and disables one who leaves from
 * here: before, both needed a shell on the endpoint, so a leaver kept their access until someone
 * with one was found.
 */
export function PeopleScreen() {
  const { may, state } = useSession();
  const me = state.phase === 'signed-in' ? state.user.username : undefined;
  const manages = may('console-users.manage');
  const people = useLoad(() => consoleApi.consoleUsers());
  const [problem, setProblem] = useState<ApiError>();
  return (
    <Stack gap="lg">
      <Title order={1} size="h2">
        Console people
      </Title>
      {manages && <AddPersonForm onAdded={people.reload} />}
      <Problem error={people.error ?? problem} />
      <DataTable
        caption="People who can sign in to the console"
        testId="people-table"
        rows={people.data?.consoleUsers ?? []}
        rowKey={(p) => p.username}
        attention={(p) => p.lockedUntil !== null}
        empty={people.loading ? 'Loading…' : 'Nobody yet.'}
        columns={[
          { header: 'Username', cell: (p) => p.username },
          { header: 'Name', cell: (p) => <bdi>{p.displayName}</bdi> },
          { header: 'Role', cell: (p) => p.role },
          { header: 'Added', cell: (p) => formatTime(p.createdAt) },
          {
            header: 'State',
            cell: (p) =>
              p.disabledAt ? (
                <Badge color={TONE.neutral}>disabled {formatTime(p.disabledAt)}</Badge>
              ) : p.lockedUntil ? (
                <Badge color={TONE.warn}>locked until {formatTime(p.lockedUntil)}</Badge>
              ) : (
                <Badge color={TONE.ok}>active</Badge>
              ),
          },
          ...(manages
            ? [
                {
                  header: 'Act',
                  // Not oneself: an admin who disabled their own account would be signed out mid-task.
                  cell: (p: ConsoleUserView) =>
                    p.disabledAt || p.username === me ? null : (
                      <ConfirmButton
                        label="Disable"
                        ariaLabel={`Disable ${p.displayName} (${p.username})`}
                        title={`Disable ${isolatedName(p.displayName)}?`}
                        confirmLabel="Disable: sign-in stops now"
                        onConfirm={async () => {
                          setProblem(undefined);
                          try {
                            await consoleApi.disableConsoleUser(p.username);
                          } catch (error) {
                            setProblem(error as ApiError);
                          }
                          people.reload();
                        }}
                      >
                        {`${isolatedName(p.displayName)} can no longer sign in, and their open sessions end at once. Their past acts stay in the audit log.`}
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
