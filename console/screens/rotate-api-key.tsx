import { Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { consoleApi, type ApiKeyView, type NewApiKey } from '../api/calls';
import type { ApiError } from '../api/http';
import { Dialog } from '../components/dialog';
import { Problem } from '../components/problem';
import { isolatedName } from '../../shared/console/isolated-name';
import { expiryInstant, inTypedWords, rotationExpiry, typedExpiryProblem } from './api-key-expiry';

/**
 * Rotate a key, choosing the new secret's expiry with the same field as creating one. It starts
 * from what the old key had (rotation-expiry rules in api-key-expiry.ts); a day that cannot be an
 * expiry is said in the admin's own words and nothing is rotated.
 */
export function RotateKeyDialog(props: {
  apiKey: ApiKeyView;
  onClose: () => void;
  onRotated: (created: NewApiKey) => void;
}) {
  const [start] = useState(() => rotationExpiry(props.apiKey, new Date()));
  const [expires, setExpires] = useState(start.day);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<ApiError>();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const typed = typedExpiryProblem(expires, new Date());
    setProblem(typed);
    if (typed) return;
    setBusy(true);
    try {
      props.onRotated(await consoleApi.rotateApiKey(props.apiKey.id, expiryInstant(expires)));
    } catch (error) {
      setProblem(inTypedWords(error as ApiError, expires));
      setBusy(false);
    }
  };
  return (
    <Dialog title={`Rotate ${isolatedName(props.apiKey.name)}?`} onClose={props.onClose}>
      <form onSubmit={submit} aria-label={`Rotate ${props.apiKey.name}`}>
        <Stack gap="sm">
          <Text>A new secret is made and shown once; the old one stops working at once.</Text>
          <Problem error={problem} title="Key not rotated" />
          <TextInput
            label="Expires on (optional)"
            type="date"
            description={start.why}
            value={expires}
            onChange={(e) => setExpires(e.currentTarget.value)}
            error={problem?.code === 'EXPIRY_INVALID' ? 'Pick a day after today' : undefined}
            data-autofocus
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={props.onClose}>
              Cancel
            </Button>
            <Button type="submit" color="red" loading={busy}>
              Rotate: the old secret stops now
            </Button>
          </Group>
        </Stack>
      </form>
    </Dialog>
  );
}
