import { Button, Group } from '@mantine/core';
import type { ReactNode } from 'react';

/**
 * The buttons under a scanned item: confirm (in the screen's colour, named with the quantity) and
 * Cancel, which drops the scan. `children` go between them (e.g. "Issue anyway").
 */
export function ConfirmBar({
  label,
  color,
  testId,
  onConfirm,
  onCancel,
  children,
}: {
  label: string;
  color: string;
  testId: string;
  onConfirm: () => void;
  onCancel: () => void;
  children?: ReactNode;
}) {
  return (
    <Group>
      <Button size="xl" color={color} onClick={onConfirm} data-testid={testId}>
        {label}
      </Button>
      {children}
      <Button size="xl" variant="default" onClick={onCancel}>
        Cancel
      </Button>
    </Group>
  );
}
