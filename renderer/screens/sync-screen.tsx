import { Alert, Badge, Card, Group, List, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useDeviceSettings } from '../app/device-settings';
import { useServices } from '../app/services';
import { useStockData } from '../app/stock-data';
import { useLiveQuery } from '../app/use-live';
import { RequestsWaiting } from '../components/requests-waiting';
import { eventsWaiting, readSyncState, type SyncState } from '../store/sync-state';
import { inbox$, unresolvedNewestFirst } from '../store/sync-inbox';
import type { SyncErrorDoc } from '../store/local-schemas';
import type { StockroomDatabase } from '../store/collections';
import { APP_VERSION } from '../app/app-version';
import { ConnectToCentre, LiveSyncStatus } from './sync-connection';
import { when } from '../app/when';

/**
 * One problem refused by every collection at once (a revoked PC) is one thing to look at, not
 * eleven: the same message is listed once, at its latest time, with how often it came.
 */
function sameMessagesTogether<T extends { message: string }>(
  newestFirst: readonly T[],
): { latest: T; times: number }[] {
  const groups = new Map<string, { latest: T; times: number }>();
  for (const error of newestFirst) {
    const group = groups.get(error.message);
    if (group) group.times += 1;
    else groups.set(error.message, { latest: error, times: 1 });
  }
  return [...groups.values()];
}

function useUnresolvedSyncErrors(db: StockroomDatabase): SyncErrorDoc[] {
  const [errors, setErrors] = useState<SyncErrorDoc[]>([]);
  useEffect(() => {
    const subscription = inbox$(db).subscribe((entries) =>
      setErrors(unresolvedNewestFirst(entries)),
    );
    return () => subscription.unsubscribe();
  }, [db]);
  return errors;
}

/** Last success, what waits to upload, and the errors inbox in plain words. */
export function SyncScreen() {
  const { db, deviceId, sync } = useServices();
  const { balances } = useStockData();
  const endpoint = useDeviceSettings((s) => s.endpoint);
  const [state, setState] = useState<SyncState>();
  const [waiting, setWaiting] = useState(0);
  const errors = useUnresolvedSyncErrors(db);
  const { docs: pendingItems } = useLiveQuery(db.pending_items, {
    selector: { status: 'pending' },
  });
  useEffect(() => {
    void readSyncState(db).then(async (s) => {
      setState(s);
      setWaiting(await eventsWaiting(db, deviceId, s));
    });
  }, [db, deviceId, balances]);
  return (
    <Stack gap="md">
      <Title order={1}>Sync status</Title>
      {!endpoint && (
        <Alert
          color="blue"
          title="Demo mode: no central endpoint configured"
          data-testid="sync-demo"
        >
          <Text fz="lg">
            This PC works on its own demo stockroom. Connecting it to the centre starts it afresh
            with the facility&apos;s own data.
          </Text>
        </Alert>
      )}
      {!endpoint && <ConnectToCentre />}
      {endpoint && sync && <LiveSyncStatus sync={sync} />}
      <SimpleGrid cols={{ base: 1, md: 3 }}>
        <Card withBorder padding="lg">
          <Text fz="lg">Last successful sync</Text>
          <Text fz={26} fw={700} data-testid="sync-last">
            {state?.lastSuccessAt ? when(state.lastSuccessAt) : 'Never'}
          </Text>
        </Card>
        <Card withBorder padding="lg">
          <Text fz="lg">Stock events waiting to upload</Text>
          <Text fz={26} fw={700} data-testid="sync-waiting">
            {waiting}
          </Text>
        </Card>
        <Card withBorder padding="lg">
          <Text fz="lg">New products waiting for the centre</Text>
          <Text fz={26} fw={700}>
            {pendingItems.length}
          </Text>
        </Card>
        <RequestsWaiting />
      </SimpleGrid>
      <Title order={2} fz={22}>
        <Group gap="sm">
          Problems to look at{' '}
          <Badge size="lg" color={errors.length ? 'red.9' : '#1e6b30'}>
            {sameMessagesTogether(errors).length}
          </Badge>
        </Group>
      </Title>
      {errors.length === 0 ? (
        <Text fz="lg">No sync problems.</Text>
      ) : (
        <List spacing="sm">
          {sameMessagesTogether(errors).map(({ latest, times }) => (
            <List.Item key={latest.id}>
              <Text fz="lg">
                {when(latest.at)} — {latest.message}
                {times > 1 ? ` (${times} times)` : ''}
              </Text>
            </List.Item>
          ))}
        </List>
      )}
      <Text data-testid="app-version">
        Stockroom Edge {APP_VERSION}
        {endpoint ? ': the centre sees this version and the documents waiting here.' : ''}
      </Text>
    </Stack>
  );
}
