import {
  Alert,
  Badge,
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
import { consoleApi, type WebhookEndpoint, type WebhookSecret } from '../api/calls';
import type { ApiError } from '../api/http';
import { useLive } from '../app/use-live';
import { useLoad } from '../app/use-load';
import { useSession } from '../app/session';
import { ConfirmButton } from '../components/confirm-button';
import { DataTable } from '../components/data-table';
import { Problem } from '../components/problem';
import { TONE } from '../components/tones';
import { formatTime } from '../components/when';
import { isolatedName } from '../../shared/console/isolated-name';

const STATE_COLOUR = { active: TONE.ok, paused: TONE.warn, disabled: TONE.bad } as const;

/** Webhook endpoints: register one for an API key (secret shown once), pause, resume, re-key, delete. */
export function WebhooksPanel() {
  const { may } = useSession();
  const manages = may('webhooks.manage');
  const hooks = useLoad(() => consoleApi.webhooks());
  useLive(hooks.reload);
  const [secret, setSecret] = useState<WebhookSecret>();
  const [problem, setProblem] = useState<ApiError>();
  const act = async (work: () => Promise<unknown>) => {
    setProblem(undefined);
    try {
      await work();
    } catch (error) {
      setProblem(error as ApiError);
    }
    hooks.reload();
  };
  return (
    <Stack gap="sm">
      <Title order={2} size="h3">
        Webhook endpoints
      </Title>
      {manages && (
        <RegisterWebhook
          onCreated={(created) => {
            setSecret(created);
            hooks.reload();
          }}
        />
      )}
      {secret && (
        <Alert
          color="green"
          title={`Secret of the webhook to ${secret.url}: shown only now`}
          data-testid="webhook-secret"
        >
          <Stack gap="xs">
            <Text>{secret.note}</Text>
            <Code fz="md" style={{ wordBreak: 'break-all' }}>
              {secret.secret}
            </Code>
            <Group>
              <Button size="sm" variant="default" onClick={() => setSecret(undefined)}>
                I have stored it
              </Button>
            </Group>
          </Stack>
        </Alert>
      )}
      <Problem error={hooks.error ?? problem} />
      <DataTable
        caption="Webhook endpoints (secrets are never shown again)"
        testId="webhooks-table"
        rows={hooks.data?.webhooks ?? []}
        rowKey={(w) => w.id}
        attention={(w) => w.dead > 0 || w.state !== 'active'}
        empty={hooks.loading ? 'Loading webhooks…' : 'No webhook endpoint yet.'}
        columns={[
          {
            header: 'URL',
            cell: (w) => (
              <Stack gap={2}>
                <Text fz="sm" style={{ wordBreak: 'break-all' }}>
                  {w.url}
                </Text>
                <Text fz="xs" c="dimmed">
                  Key{' '}
                  <bdi>{w.ownerKey?.name ?? w.ownerKey?.id ?? 'none (registered before 005)'}</bdi>
                  {w.secretRotatedAt ? ` · re-keyed ${formatTime(w.secretRotatedAt)}` : ''}
                </Text>
                {w.warning && (
                  <Text fz="xs" c="red.9">
                    {w.warning}
                  </Text>
                )}
              </Stack>
            ),
          },
          { header: 'Events', cell: (w) => <Text fz="sm">{w.eventTypes.join(', ')}</Text> },
          {
            header: 'State',
            cell: (w) => (
              <Badge
                color={STATE_COLOUR[w.state]}
                variant="filled"
                style={{ minWidth: 'max-content' }}
              >
                {w.state}
              </Badge>
            ),
          },
          {
            header: 'Deliveries',
            cell: (w) => (
              <Text fz="sm" style={{ whiteSpace: 'nowrap' }}>
                {w.pending} pending · {w.dead} dead
              </Text>
            ),
          },
          ...(manages
            ? [
                {
                  header: 'Act',
                  cell: (w: WebhookEndpoint) => (
                    <Group gap="xs" wrap="nowrap">
                      {w.state === 'active' ? (
                        <Button
                          size="sm"
                          variant="light"
                          aria-label={`Pause ${w.url}`}
                          onClick={() => void act(() => consoleApi.pauseWebhook(w.id))}
                        >
                          Pause
                        </Button>
                      ) : (
                        <Button
                          size="sm"
                          variant="light"
                          aria-label={`Resume ${w.url}`}
                          onClick={() => void act(() => consoleApi.resumeWebhook(w.id))}
                        >
                          Resume
                        </Button>
                      )}
                      <ConfirmButton
                        label="Re-key"
                        ariaLabel={`Re-key ${w.url}`}
                        title={`Re-key the webhook to ${w.url}?`}
                        confirmLabel="Make a new secret"
                        onConfirm={() =>
                          act(async () => setSecret(await consoleApi.rekeyWebhook(w.id)))
                        }
                      >
                        A new secret is made and shown once; for a day each delivery is signed with
                        both the new and the old one, so the receiver can switch.
                      </ConfirmButton>
                      <ConfirmButton
                        label="Delete"
                        ariaLabel={`Delete ${w.url}`}
                        title={`Delete the webhook to ${w.url}?`}
                        confirmLabel="Delete it and its deliveries"
                        onConfirm={() => act(() => consoleApi.deleteWebhook(w.id))}
                      >
                        Its queued and dead-lettered deliveries are removed too.
                      </ConfirmButton>
                    </Group>
                  ),
                },
              ]
            : []),
        ]}
      />
    </Stack>
  );
}

function RegisterWebhook({ onCreated }: { onCreated: (created: WebhookSecret) => void }) {
  const keys = useLoad(() => consoleApi.apiKeys());
  useLive(keys.reload);
  const [url, setUrl] = useState('');
  const [events, setEvents] = useState('*');
  const [owner, setOwner] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<ApiError>();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!owner) return;
    setBusy(true);
    setProblem(undefined);
    try {
      const eventTypes = events
        .split(',')
        .map((e) => e.trim())
        .filter(Boolean);
      onCreated(await consoleApi.createWebhook(url.trim(), eventTypes, owner));
      setUrl('');
    } catch (error) {
      setProblem(error as ApiError);
    } finally {
      setBusy(false);
    }
  };
  const active = (keys.data?.apiKeys ?? []).filter((k) => k.state === 'active');
  return (
    <Paper withBorder p="md">
      <form onSubmit={submit} aria-label="Register a webhook">
        <Stack gap="sm">
          <Title order={3} size="h4">
            Register a webhook
          </Title>
          <Problem error={problem} title="Webhook not registered" />
          <Group align="flex-end" wrap="wrap">
            <TextInput
              label="Receiver URL"
              description="https, a public address"
              required
              value={url}
              onChange={(e) => setUrl(e.currentTarget.value)}
              w={380}
            />
            <Select
              label="For the API key"
              description="Its read scopes bound what it receives"
              required
              data={active.map((k) => ({ value: k.id, label: isolatedName(k.name) }))}
              value={owner}
              onChange={setOwner}
              w={240}
            />
            <TextInput
              label="Event types"
              description="Comma-separated; * is all the key may read"
              required
              value={events}
              onChange={(e) => setEvents(e.currentTarget.value)}
              w={280}
            />
            <Button type="submit" loading={busy} disabled={!owner || url.trim() === ''}>
              Register webhook
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
