import {
  Alert,
  Button,
  Center,
  Group,
  Paper,
  PasswordInput,
  Select,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useScans } from '../app/scan-bus';
import { useServices } from '../app/services';
import { useDeviceSettings } from '../app/device-settings';
import { useLiveQuery } from '../app/use-live';
import { ConnectToCentre } from '../screens/sync-connection';
import { beep } from '../scanning/feedback';
import { KEY_PROTECTION_LABEL } from '../platform/platform';
import { useSession } from './session-store';
import type { SignInResult } from './sign-in';
import { attemptBadgeSignIn, attemptPinSignIn } from './sign-in-attempt';

/** Sign-in and unlock in one: a badge scan, or a name and PIN. Anyone may take over a locked PC. */
export function SignInScreen() {
  const { db, platform, facilityId, deviceId } = useServices();
  const place = { facilityId, deviceId };
  const { docs: users, loading: usersLoading } = useLiveQuery(db.users);
  const endpoint = useDeviceSettings((s) => s.endpoint);
  const session = useSession();
  const [userId, setUserId] = useState<string | null>(session.user?.id ?? null);
  const [pin, setPin] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  const finish = (result: SignInResult) => {
    setBusy(false);
    if (result.ok) {
      beep('ok');
      setPin('');
      session.signIn(result.user);
    } else {
      beep('warn');
      setError(result.error.message);
    }
  };

  useScans((scan) => {
    setBusy(true);
    setError(undefined);
    // Read the users now rather than from the live list, which may not have loaded yet.
    void db.users
      .find()
      .exec()
      .then((docs) =>
        attemptBadgeSignIn(
          db,
          docs.map((d) => d.toMutableJSON()),
          scan.text,
          place,
          new Date(),
        ),
      )
      .then(finish);
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const user = users.find((u) => u.id === userId);
    if (!user) {
      setError('Choose your name first.');
      return;
    }
    setBusy(true);
    setError(undefined);
    void attemptPinSignIn(db, user, pin, place, new Date()).then(finish);
  };

  const locked = session.locked && session.user;
  if (!usersLoading && users.length === 0 && !endpoint) {
    return (
      <Center mih="100vh" p="md" bg="gray.1">
        <Paper withBorder shadow="md" p="xl" radius="md" w={680} component="main">
          <Stack gap="lg">
            <Title order={1}>Connect this PC to the centre</Title>
            <Text fz="lg">
              This PC has no users yet: they come from the centre. Enter the central endpoint&apos;s
              address and the one-time enrolment code your administrator made for this PC.
            </Text>
            <ConnectToCentre firstConnection />
          </Stack>
        </Paper>
      </Center>
    );
  }
  return (
    <Center mih="100vh" p="md" bg="gray.1">
      <Paper withBorder shadow="md" p="xl" radius="md" w={560} component="main">
        <Stack gap="lg">
          <Title order={1}>{locked ? 'Screen locked' : 'Stockroom Edge'}</Title>
          <Text fz="xl" fw={600}>
            {locked
              ? `Locked for ${session.user?.name}. Scan your badge or enter your PIN to go on; anyone else can sign in below.`
              : 'Scan your badge to sign in.'}
          </Text>
          {error && (
            <Alert color="red" variant="light" role="alert" title="Not signed in">
              <Text fz="lg">{error}</Text>
            </Alert>
          )}
          <form onSubmit={submit} aria-label="Sign in with PIN">
            <Stack gap="md">
              <Select
                label="Your name"
                placeholder="Choose your name"
                data={users
                  .filter((u) => u.active)
                  .map((u) => ({ value: u.id, label: `${u.name} (${u.role})` }))}
                value={userId}
                onChange={setUserId}
                searchable
                // Typing part of a name and Enter picks the first match: keyboard sign-in.
                selectFirstOptionOnChange
                size="lg"
              />
              <PasswordInput
                label="PIN"
                value={pin}
                onChange={(e) => setPin(e.currentTarget.value)}
                size="lg"
                autoComplete="off"
                inputMode="numeric"
              />
              <Group justify="space-between">
                <Button type="submit" size="lg" loading={busy}>
                  {locked ? 'Unlock' : 'Sign in'}
                </Button>
                {locked && (
                  <Button variant="default" size="lg" onClick={session.signOut}>
                    Sign out {session.user?.name}
                  </Button>
                )}
              </Group>
            </Stack>
          </form>
          <Text fz="sm" c="gray.8" data-testid="key-protection">
            {KEY_PROTECTION_LABEL[platform.keyProtection]}
          </Text>
        </Stack>
      </Paper>
    </Center>
  );
}
