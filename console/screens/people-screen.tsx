import { Badge, Stack, Title } from '@mantine/core';
import { consoleApi } from '../api/calls';
import { useLoad } from '../app/use-load';
import { DataTable } from '../components/data-table';
import { Problem } from '../components/problem';
import { formatTime } from '../components/when';
import { TONE } from '../components/tones';

/** The console's people and their roles. New people are added with `console-user add`. */
export function PeopleScreen() {
  const people = useLoad(() => consoleApi.consoleUsers());
  return (
    <Stack gap="lg">
      <Title order={1} size="h2">
        Console people
      </Title>
      <Problem error={people.error} />
      <DataTable
        caption="People who can sign in to the console (add one with: npm run -s sync -- console-user add)"
        rows={people.data?.consoleUsers ?? []}
        rowKey={(p) => p.username}
        attention={(p) => p.lockedUntil !== null}
        empty={people.loading ? 'Loading…' : 'Nobody yet.'}
        columns={[
          { header: 'Username', cell: (p) => p.username },
          { header: 'Name', cell: (p) => p.displayName },
          { header: 'Role', cell: (p) => p.role },
          { header: 'Added', cell: (p) => formatTime(p.createdAt) },
          {
            header: 'State',
            cell: (p) =>
              p.disabledAt ? (
                <Badge color={TONE.neutral}>disabled</Badge>
              ) : p.lockedUntil ? (
                <Badge color={TONE.warn}>locked until {formatTime(p.lockedUntil)}</Badge>
              ) : (
                <Badge color={TONE.ok}>active</Badge>
              ),
          },
        ]}
      />
    </Stack>
  );
}
