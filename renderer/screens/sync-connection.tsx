import {
  Alert,
  Badge,
  Button,
  Card,
  Group,
  List,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useEffect, useState, type FormEvent } from 'react';
import { can } from '../../shared/model';
import { useDeviceSettings } from '../app/device-settings';
import { useServices } from '../app/services';
import type { AppSync } from '../replication/app-sync';
import { enrollDevice, saveEnrollment } from '../replication/enrollment';
import { STOPPED, type SyncPhase, type SyncStatus } from '../replication/sync-status';
import { useSession } from '../session/session-store';

const PHASE_WORDS: Record<SyncPhase, { label: string; color: string }> = {
  online: { label: 'Connected to the centre', color: '#1e6b30' },
  connecting: { label: 'Connecting to the centre…', color: 'blue.9' },
  offline: {
    label: 'Offline: working here, will sync when the network is back',
    color: 'orange.9',
  },
  attention: { label: 'The centre needs attention: see below', color: 'red.9' },
  'other-window': { label: 'Syncing in another window of this app', color: 'gray.8' },
  'not-enrolled': { label: 'Not connected to a centre', color: 'gray.8' },
  stopped: { label: 'Sync stopped', color: 'gray.8' },
};

export function useSyncStatus(sync: AppSync | undefined): SyncStatus {
  const [status, setStatus] = useState<SyncStatus>(STOPPED);
  useEffect(() => {
    if (!sync) return undefined;
    const subscription = sync.status$.subscribe(setStatus);
    return () => subscription.unsubscribe();
  }, [sync]);
  return status;
}

/** What the replication is doing now: connected or not, documents waiting and transferred. */
export function LiveSyncStatus({ sync }: { sync: AppSync }) {
  const status = useSyncStatus(sync);
  const phase = PHASE_WORDS[status.phase];
  return (
    <Stack gap="sm">
      <Group gap="md">
        <Badge size="xl" color={phase.color} data-testid="sync-phase" data-phase={status.phase}>
          {phase.label}
        </Badge>
        <Button variant="light" onClick={() => sync.reconnect()}>
          Sync now
        </Button>
      </Group>
      <SimpleGrid cols={{ base: 1, md: 3 }}>
        <Card withBorder padding="lg">
          <Text fz="lg">Documents waiting to upload</Text>
          <Text fz={26} fw={700} data-testid="sync-live-waiting">
            {status.waiting}
          </Text>
        </Card>
        <Card withBorder padding="lg">
          <Text fz="lg">Sent to the centre since start</Text>
          <Text fz={26} fw={700} data-testid="sync-sent">
            {status.sent}
          </Text>
        </Card>
        <Card withBorder padding="lg">
          <Text fz="lg">Received from the centre since start</Text>
          <Text fz={26} fw={700} data-testid="sync-received">
            {status.received}
          </Text>
        </Card>
      </SimpleGrid>
      {status.problems.length > 0 && (
        <Alert color="orange" title="Right now" role="status">
          <List spacing="xs">
            {status.problems.map((p) => (
              <List.Item key={`${p.collection ?? 'all'}-${p.code}`}>
                <Text fz="lg">{p.message}</Text>
              </List.Item>
            ))}
          </List>
        </Alert>
      )}
    </Stack>
  );
}

/**
 * Settings → connect this PC to the centre: the endpoint's address and a one-time enrolment code,
 * entered once by someone allowed to configure sync. The token goes to the platform layer; the
 * PC then starts afresh with the facility's data from the centre.
 */
export function ConnectToCentre({ firstConnection = false }: { firstConnection?: boolean }) {
  const { platform } = useServices();
  const user = useSession((s) => s.user);
  const update = useDeviceSettings((s) => s.update);
  const [endpoint, setEndpoint] = useState('');
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  // A PC with no users and no centre can be signed into by nobody: there the one-time code, which
  // a central administrator issued for this PC, is the credential.
  if (!firstConnection && (!user || !can(user.role, 'sync.configure'))) {
    return <Text fz="lg">An administrator connects this PC to the centre from this screen.</Text>;
  }
  const connect = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    const result = await enrollDevice({ endpoint, code, deviceName: 'Stockroom PC' }, platform);
    if (!result.ok) {
      setError(result.error.message);
      setBusy(false);
      return;
    }
    saveEnrollment(window.localStorage, { ...result.enrollment, fresh: true });
    update({ endpoint: result.enrollment.endpoint });
    window.location.reload();
  };
  return (
    <form onSubmit={(e) => void connect(e)} aria-label="Connect this PC to the centre">
      <Stack gap="sm" maw={640}>
        <TextInput
          label="Central endpoint address"
          placeholder="https://sync.example-hospital.org"
          value={endpoint}
          onChange={(e) => setEndpoint(e.currentTarget.value)}
          required
        />
        <TextInput
          label="Enrolment code"
          value={code}
          onChange={(e) => setCode(e.currentTarget.value)}
          required
          autoComplete="off"
        />
        {error && (
          <Alert color="red" role="alert">
            <Text fz="lg">{error}</Text>
          </Alert>
        )}
        <Group>
          <Button type="submit" loading={busy}>
            Connect this PC
          </Button>
        </Group>
        <Text fz="md">
          {platform.kind === 'web'
            ? 'In a browser the PC’s token is kept in this browser profile (the weaker option); the desktop app keeps it in the operating system’s secure storage.'
            : 'The PC’s token is kept in the operating system’s secure storage.'}
        </Text>
      </Stack>
    </form>
  );
}
