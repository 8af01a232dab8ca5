import {
  Alert,
  Button,
  Code,
  Group,
  Paper,
  Select,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useState, type FormEvent } from 'react';
import type { ConsoleRole } from '../../shared/console';
import { consoleApi, type NewConsoleUser } from '../api/calls';
import type { ApiError } from '../api/http';
import { Problem } from '../components/problem';
import { isolatedName } from '../../shared/console/isolated-name';

const ROLE_CHOICES: { value: ConsoleRole; label: string }[] = [
  { value: 'buyer', label: 'Buyer: works exceptions, requests and recalls' },
  { value: 'analyst', label: 'Analyst: reads everything, changes nothing' },
  { value: 'admin', label: 'Admin: also facilities, PCs, keys, webhooks, people' },
];

/**
 * An admin adds a person to the console from here, not only from the endpoint's shell: the centre
 * makes the first password and shows it once, to hand over in person (never typed or e-mailed).
 */
export function AddPersonForm({ onAdded }: { onAdded: () => void }) {
  const [username, setUsername] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [role, setRole] = useState<ConsoleRole>('buyer');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<ApiError>();
  const [added, setAdded] = useState<NewConsoleUser>();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setProblem(undefined);
    try {
      setAdded(await consoleApi.addConsoleUser(username.trim(), displayName.trim(), role));
      setUsername('');
      setDisplayName('');
      onAdded();
    } catch (error) {
      // What was typed stays, so the person corrects the one field the message names.
      setProblem(error as ApiError);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Paper withBorder p="md">
      <form onSubmit={submit} aria-label="Add a person">
        <Stack gap="sm">
          <Title order={2} size="h4">
            Add a person
          </Title>
          <Problem error={problem} title="Person not added" />
          {added && (
            <Alert
              color="green"
              title={`${isolatedName(added.consoleUser.displayName)} can sign in as ${added.consoleUser.username}`}
              data-testid="new-person-password"
              withCloseButton
              closeButtonLabel="Hide the first password"
              onClose={() => setAdded(undefined)}
            >
              {added.password && (
                <Stack gap="xs">
                  <Text>
                    First password, shown only now: hand it over in person. The centre keeps only
                    its hash.
                  </Text>
                  <Code fz="md" style={{ wordBreak: 'break-all' }}>
                    {added.password}
                  </Code>
                </Stack>
              )}
            </Alert>
          )}
          <Group align="flex-end" wrap="wrap">
            <TextInput
              label="Username"
              description="Lower-case letters, digits, . _ @ - (e.g. cy.buyer)"
              required
              value={username}
              onChange={(e) => setUsername(e.currentTarget.value)}
              w={260}
            />
            <TextInput
              label="Full name"
              description="As the console shows it"
              value={displayName}
              onChange={(e) => setDisplayName(e.currentTarget.value)}
              w={260}
            />
            <Select
              label="Role"
              required
              allowDeselect={false}
              data={ROLE_CHOICES}
              value={role}
              onChange={(value) => setRole((value ?? 'buyer') as ConsoleRole)}
              w={380}
            />
            <Button type="submit" loading={busy}>
              Add person
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
