import { Alert, Paper, Text } from '@mantine/core';

/** The standing instruction at the top of a scanning screen, and the last scan's problem. */
export function ScanPrompt({
  children,
  error,
}: {
  children: string;
  error?: { code: string; message: string } | undefined;
}) {
  return (
    <>
      <Paper p="md" withBorder bg="blue.0" data-testid="scan-prompt">
        <Text fz={24} fw={700} c="blue.9">
          {children}
        </Text>
      </Paper>
      {error && (
        <Alert
          color="orange"
          variant="light"
          role="alert"
          title="Scan not used"
          data-testid="scan-error"
          data-code={error.code}
        >
          <Text fz="lg">{error.message}</Text>
        </Alert>
      )}
    </>
  );
}
