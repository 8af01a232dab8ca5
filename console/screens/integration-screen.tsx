import {
  Alert,
  Badge,
  Button,
  Checkbox,
  Code,
  Group,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { apiKeyState } from '../../shared/console';
import { API_SCOPES, consoleApi, type ApiKeyView, type NewApiKey } from '../api/calls';
import type { ApiError } from '../api/http';
import { useLive } from '../app/use-live';
import { useLoad } from '../app/use-load';
import { useNow } from '../app/use-now';
import { useSession } from '../app/session';
import { ConfirmButton } from '../components/confirm-button';
import { DataTable } from '../components/data-table';
import { Problem } from '../components/problem';
import { formatTime } from '../components/when';
import { TONE } from '../components/tones';
import { expiryInstant, inTypedWords, typedExpiryProblem } from './api-key-expiry';
import { DeadLettersPanel } from './dead-letters-panel';
import { RotateKeyDialog } from './rotate-api-key';
import { FeedPanel } from './feed-panel';
import { WebhooksPanel } from './webhooks-panel';
import { isolatedName } from '../../shared/console/isolated-name';

const STATE_COLOUR = { active: TONE.ok, expired: TONE.warn, revoked: TONE.neutral } as const;

/** The ERP's API keys: created with scopes (the secret shown once), listed, revoked, rotated. */
export function IntegrationScreen() {
  const { may } = useSession();
  const keys = useLoad(() => consoleApi.apiKeys());
  useLive(keys.reload);
  const [secret, setSecret] = useState<NewApiKey>();
  const [problem, setProblem] = useState<ApiError>();
  const [rotating, setRotating] = useState<ApiKeyView>();
  // A key's term ends while the page stays open: its state is worked out against the moving clock.
  const now = useNow();
  const stateOf = (k: ApiKeyView) => apiKeyState(k, now);
  const act = async (work: () => Promise<unknown>) => {
    setProblem(undefined);
    try {
      await work();
    } catch (error) {
      setProblem(error as ApiError);
    }
    keys.reload();
  };
  return (
    <Stack gap="lg">
      <Title order={1} size="h2">
        Integration
      </Title>
      <Title order={2} size="h3">
        API keys
      </Title>
      {may('api-keys.manage') && (
        <CreateKey
          onCreated={(created) => {
            setSecret(created);
            keys.reload();
          }}
        />
      )}
      {secret && <SecretOnce created={secret} onDone={() => setSecret(undefined)} />}
      <Problem error={keys.error ?? problem} />
      <DataTable
        caption="API keys (secrets are never shown again)"
        testId="api-keys-table"
        rows={keys.data?.apiKeys ?? []}
        rowKey={(k) => k.id}
        attention={(k) => stateOf(k) === 'expired'}
        empty={keys.loading ? 'Loading keys…' : 'No API key yet.'}
        columns={[
          { header: 'Name', cell: (k) => <bdi>{k.name}</bdi> },
          { header: 'Scopes', cell: (k) => k.scopes.join(', ') },
          {
            header: 'State',
            cell: (k) => (
              <Badge color={STATE_COLOUR[stateOf(k)]} variant="filled">
                {stateOf(k)}
              </Badge>
            ),
          },
          { header: 'Created', cell: (k) => formatTime(k.createdAt) },
          { header: 'Expires', cell: (k) => (k.expiresAt ? formatTime(k.expiresAt) : 'never') },
          { header: 'Last rotated', cell: (k) => formatTime(k.rotatedAt) },
          ...(may('api-keys.manage')
            ? [
                {
                  header: 'Act',
                  cell: (k: ApiKeyView) =>
                    stateOf(k) === 'revoked' ? null : (
                      <Group gap="xs" wrap="nowrap">
                        <Button
                          color="red"
                          variant="light"
                          size="sm"
                          aria-label={`Rotate ${k.name}`}
                          onClick={() => setRotating(k)}
                        >
                          Rotate
                        </Button>
                        <ConfirmButton
                          label="Revoke"
                          ariaLabel={`Revoke ${k.name}`}
                          title={`Revoke ${isolatedName(k.name)}?`}
                          confirmLabel="Revoke this key"
                          onConfirm={() => act(() => consoleApi.revokeApiKey(k.id))}
                        >
                          Every request with this key is refused from now on.
                        </ConfirmButton>
                      </Group>
                    ),
                },
              ]
            : []),
        ]}
      />
      {rotating && (
        <RotateKeyDialog
          apiKey={rotating}
          onClose={() => setRotating(undefined)}
          onRotated={(created) => {
            setRotating(undefined);
            setSecret(created);
            keys.reload();
          }}
        />
      )}
      <WebhooksPanel />
      <DeadLettersPanel />
      <FeedPanel />
    </Stack>
  );
}

function CreateKey({ onCreated }: { onCreated: (created: NewApiKey) => void }) {
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<string[]>([]);
  const [expires, setExpires] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<ApiError>();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const typed = typedExpiryProblem(expires, new Date());
    setProblem(typed);
    if (typed) return;
    setBusy(true);
    try {
      onCreated(await consoleApi.createApiKey(name.trim(), scopes, expiryInstant(expires)));
      setName('');
      setScopes([]);
      setExpires('');
    } catch (error) {
      setProblem(inTypedWords(error as ApiError, expires));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Paper withBorder p="md">
      <form onSubmit={submit} aria-label="Create an API key">
        <Stack gap="sm">
          <Title order={3} size="h4">
            Create an API key
          </Title>
          <Problem error={problem} title="Key not created" />
          <Group align="flex-end">
            <TextInput
              label="Name"
              required
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
              w={300}
            />
            <TextInput
              label="Expires on (optional)"
              type="date"
              value={expires}
              onChange={(e) => setExpires(e.currentTarget.value)}
              error={problem?.code === 'EXPIRY_INVALID' ? 'Pick a day after today' : undefined}
              w={220}
            />
          </Group>
          <Checkbox.Group label="Scopes" value={scopes} onChange={setScopes} withAsterisk>
            <SimpleGrid cols={{ base: 2, md: 4 }} mt="xs">
              {API_SCOPES.map((scope) => (
                <Checkbox key={scope} value={scope} label={scope} />
              ))}
            </SimpleGrid>
          </Checkbox.Group>
          <Group>
            <Button type="submit" loading={busy} disabled={scopes.length === 0}>
              Create key
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

function SecretOnce({ created, onDone }: { created: NewApiKey; onDone: () => void }) {
  return (
    <Alert
      color="green"
      title={`Secret of ${isolatedName(created.apiKey.name)}: shown only now`}
      data-testid="api-key-secret"
    >
      <Stack gap="xs">
        <Text>Copy it into the ERP’s configuration now; the centre keeps only its hash.</Text>
        <Code fz="md" style={{ wordBreak: 'break-all' }}>
          {created.apiKey.key}
        </Code>
        <Group>
          <Button
            size="sm"
            variant="light"
            onClick={() => void navigator.clipboard?.writeText(created.apiKey.key)}
          >
            Copy
          </Button>
          <Button size="sm" variant="default" onClick={onDone}>
            I have stored it
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}
