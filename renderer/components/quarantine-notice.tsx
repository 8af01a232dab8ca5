import { Alert, Text } from '@mantine/core';
import type { ScanReason } from '../../shared/recall/scan-decision';

/**
 * A unit coming in (received or returned) that shared/recall sends straight to quarantine, with
 * each reason in the recall module's own words, so the person puts it in the quarantine bin.
 */
export function QuarantineNotice({
  title,
  variant,
  testId,
  reasons,
}: {
  title: string;
  variant: 'filled' | 'light';
  testId: string;
  reasons: readonly ScanReason[];
}) {
  return (
    <Alert
      // Filled: white on the dark orange of the quarantine confirm (7:1); Mantine's orange gives 3.6:1.
      color={variant === 'filled' ? '#9c3d00' : 'orange'}
      variant={variant}
      role="alert"
      title={title}
      data-testid={testId}
    >
      {reasons.map((r) => (
        <Text key={r.code} fz="lg">
          {r.message}
        </Text>
      ))}
    </Alert>
  );
}
