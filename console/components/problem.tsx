import { Alert } from '@mantine/core';
import type { ApiError } from '../api/http';

/** The endpoint's refusal in its own words, where the person is looking. */
export function Problem({ error, title }: { error: ApiError | undefined; title?: string }) {
  if (!error) return null;
  return (
    <Alert color="red" title={title ?? 'That did not work'} role="alert">
      {error.message}
    </Alert>
  );
}
