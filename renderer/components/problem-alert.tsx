import { Alert, Text } from '@mantine/core';

/** Why the last save did not go through, in words; announced at once (role alert). */
export function ProblemAlert({ message }: { message: string | undefined }) {
  if (!message) return null;
  return (
    <Alert color="red" role="alert">
      <Text fz="lg">{message}</Text>
    </Alert>
  );
}
