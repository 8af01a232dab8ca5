import {
  Alert,
  Button,
  Center,
  Paper,
  PasswordInput,
  Stack,
  TextInput,
  Title,
  Text,
} from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { consoleApi } from '../api/calls';
import { ApiError } from '../api/http';
import { useSession } from '../app/session';

export function SignInScreen({ reason }: { reason?: string | undefined }) {
  const { signedIn } = useSession();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string>();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setProblem(undefined);
    try {
      signedIn(await consoleApi.signIn(username, password));
    } catch (error) {
      setProblem(error instanceof ApiError ? error.message : String(error));
      setPassword('');
    } finally {
      setBusy(false);
    }
  };
  return (
    <Center mih="100vh" p="md" component="main">
      <Paper withBorder shadow="sm" p="xl" w={420} maw="100%">
        <form onSubmit={submit}>
          <Stack>
            <Title order={1} size="h2">
              Centre console
            </Title>
            <Text>Stockroom Edge, for the centre’s admins, buyers and analysts.</Text>
            {reason && !problem && (
              <Alert color="blue" role="status">
                {reason}
              </Alert>
            )}
            {problem && (
              <Alert color="red" title="Not signed in" role="alert">
                {problem}
              </Alert>
            )}
            <TextInput
              label="Username"
              autoComplete="username"
              required
              value={username}
              onChange={(e) => setUsername(e.currentTarget.value)}
            />
            <PasswordInput
              label="Password"
              autoComplete="current-password"
              required
              value={password}
              onChange={(e) => setPassword(e.currentTarget.value)}
            />
            <Button type="submit" loading={busy}>
              Sign in
            </Button>
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
