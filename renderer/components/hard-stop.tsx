import { Alert, List, Text } from '@mantine/core';
import type { ScanReason } from '../../shared/recall/scan-decision';

/**
 * The moment that matters: a recalled, expired or quarantined unit at issue. Full width, red, read
 * out by screen readers at once, each reason in the parser's and recall module's own words.
 */
export function HardStop({ title, reasons }: { title: string; reasons: readonly ScanReason[] }) {
  return (
    <Alert
      color="red"
      variant="filled"
      role="alert"
      aria-live="assertive"
      data-testid="hard-stop"
      data-reasons={reasons.map((r) => r.code).join(' ')}
      title={
        <Text fz={28} fw={800}>
          {title}
        </Text>
      }
      styles={{
        root: { borderWidth: 6, borderStyle: 'solid', borderColor: 'var(--mantine-color-red-9)' },
      }}
    >
      <List spacing="xs" size="xl">
        {reasons.map((reason) => (
          <List.Item key={reason.code + reason.message}>
            <Text fz={22} fw={600}>
              {reason.message}
            </Text>
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}
