import {
  Alert,
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  List,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useEffect, useState, type FormEvent } from 'react';
import { parseEnrolmentQr } from '../../shared/console/enrolment-qr';
import { can } from '../../shared/model';
import { useDeviceSettings } from '../app/device-settings';
import { useScans } from '../app/scan-bus';
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
  const refused = status.problems.find((p) => p.code === 'TOKEN_REFUSED');
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
      {refused && <EnrolAgain waiting={status.waiting} why={refused.message} />}
      {status.problems.length > 0 && !refused && (
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
 * The centre refuses this PC's token (revoked, expired or replaced). The PC keeps working; the
 * only way back is a new enrolment, which starts the PC afresh from the centre's data, so what
 * still waits here is named and must be given up knowingly.
 */
function EnrolAgain({ waiting, why }: { waiting: number; why: string }) {
  return (
    <Stack gap="sm">
      <Alert color="red" title="This PC no longer syncs" role="alert" data-testid="sync-revoked">
        <Text fz="lg">{why}</Text>
        <Text fz="lg">
          {waiting === 0
            ? 'Nothing is waiting on this PC: enrolling it again loses nothing.'
            : `${waiting} ${waiting === 1 ? 'document waits' : 'documents wait'} on this PC. Enrolling again starts it afresh from the centre's data, so they would be lost: record them at the centre first, or ask the centre to restore this PC's enrolment.`}
        </Text>
      </Alert>
      <ConnectToCentre again={waiting} />
    </Stack>
  );
}

/**
 * Settings → connect this PC to the centre: the endpoint's address and a one-time enrolment code,
 * entered once by someone allowed to configure sync. The token goes to the platform layer; the
 * PC then starts afresh with the facility's data from the centre.
 */
export function ConnectToCentre({
  firstConnection = false,
  again,
}: {
  firstConnection?: boolean;
  /** Enrolling a refused PC again: how many documents waiting here that would lose. */
  again?: number;
}) {
  const { platform } = useServices();
  const user = useSession((s) => s.user);
  const update = useDeviceSettings((s) => s.update);
  const [endpoint, setEndpoint] = useState('');
  const [code, setCode] = useState('');
  const [pcName, setPcName] = useState('Stockroom PC');
  const [giveUp, setGiveUp] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [scanned, setScanned] = useState(false);
  // The console's enrolment QR code fills both fields from one scan, by the camera or a 2-D scanner.
  useScans((scan) => {
    const invite = parseEnrolmentQr(scan.text);
    if (!invite) {
      setError(
        'That scan is not an enrolment code. Scan the QR code the central console shows under Facilities & PCs → Enrol a PC, or type the address and code.',
      );
      return;
    }
    setEndpoint(invite.endpoint);
    setCode(invite.code);
    setScanned(true);
    setError(undefined);
  });
  // A PC with no users and no centre can be signed into by nobody: there the one-time code, which
  // a central administrator issued for this PC, is the credential.
  if (!firstConnection && (!user || !can(user.role, 'sync.configure'))) {
    return <Text fz="lg">An administrator connects this PC to the centre from this screen.</Text>;
  }
  const connect = async (event: FormEvent) => {
    event.preventDefault();
    if (again !== undefined && again > 0 && !giveUp) {
      setError('Tick the box first: enrolling again loses what waits on this PC.');
      return;
    }
    setBusy(true);
    setError(undefined);
    const result = await enrollDevice(
      { endpoint, code, deviceName: pcName.trim() || 'Stockroom PC' },
      platform,
    );
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
        <Text fz="lg" data-testid="enrolment-qr-hint">
          {scanned
            ? 'Filled from the QR code: check the address, then connect.'
            : 'Scan the QR code the central console shows for this PC, or type the address and code.'}
        </Text>
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
        <TextInput
          label="Name of this PC"
          description="How the centre's console lists it, e.g. Receiving dock PC"
          value={pcName}
          onChange={(e) => setPcName(e.currentTarget.value)}
          maxLength={200}
        />
        {again !== undefined && again > 0 && (
          <Checkbox
            label={`I understand that the ${again} ${again === 1 ? 'document' : 'documents'} waiting on this PC will be lost`}
            checked={giveUp}
            onChange={(e) => setGiveUp(e.currentTarget.checked)}
            required
          />
        )}
        {error && (
          <Alert color="red" role="alert">
            <Text fz="lg">{error}</Text>
          </Alert>
        )}
        <Group>
          <Button type="submit" loading={busy}>
            {again === undefined ? 'Connect this PC' : 'Enrol this PC again'}
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
