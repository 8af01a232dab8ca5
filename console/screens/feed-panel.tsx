import { Stack, Title } from '@mantine/core';
import { consoleApi } from '../api/calls';
import { useLive } from '../app/use-live';
import { useLoad } from '../app/use-load';
import { useNow } from '../app/use-now';
import { DataTable } from '../components/data-table';
import { Problem } from '../components/problem';
import { When } from '../components/when';

/** A key this many events behind the feed stands out. */
const BEHIND_ATTENTION = 1000;

/** Each key that reads the ERP events feed: where it last read from and what it has not read. */
export function FeedPanel() {
  const feed = useLoad(() => consoleApi.feedPositions());
  useLive(feed.reload);
  const now = useNow();
  return (
    <Stack gap="sm">
      <Title order={2} size="h3">
        ERP events feed
      </Title>
      <Problem error={feed.error} />
      <DataTable
        caption="Keys with events:read: their position in the feed"
        testId="feed-table"
        rows={feed.data?.positions ?? []}
        rowKey={(p) => p.keyId}
        attention={(p) => p.position === null || p.behind >= BEHIND_ATTENTION}
        empty={feed.loading ? 'Loading…' : 'No API key may read the events feed.'}
        columns={[
          { header: 'Key', cell: (p) => p.keyName },
          { header: 'Position (cursor)', cell: (p) => p.position ?? 'never read' },
          { header: 'Last read', cell: (p) => <When iso={p.readAt} now={now} /> },
          { header: 'Events not read yet', cell: (p) => p.behind },
        ]}
      />
    </Stack>
  );
}
