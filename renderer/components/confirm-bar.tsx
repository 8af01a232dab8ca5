import { Button, Group } from '@mantine/core';
import { useEffect, useRef, type ReactNode } from 'react';
import { useFocusRescue } from './focus-landing';
import { useEscapeCancel } from './use-escape-cancel';

/**
 * The buttons under a scanned item: confirm (in the screen's colour, named with the quantity) and
 * Cancel, which drops the scan. `children` go between them (e.g. "Issue anyway").
 *
 * Keyboard first: each new scan (`scanKey`) puts the focus on the confirm button, which also
 * scrolls it into view on a small screen, so Enter confirms; Esc cancels from anywhere on the page.
 * A scanner's own Enter never reaches the button: the wedge keeps a scan's keys from the page.
 * When the bar goes (confirmed or cancelled) holding the focus, the focus goes to the screen's
 * heading, ready for the next scan and one Tab from the screen's fields, not to the page body.
 */
export function ConfirmBar({
  label,
  color,
  testId,
  onConfirm,
  onCancel,
  scanKey,
  children,
}: {
  label: string;
  color: string;
  testId: string;
  onConfirm: () => void;
  onCancel: () => void;
  /** Changes with each scan; the focus moves to the confirm button when it does. */
  scanKey?: unknown;
  children?: ReactNode;
}) {
  const confirm = useRef<HTMLButtonElement>(null);
  const bar = useFocusRescue<HTMLDivElement>();
  useEscapeCancel(onCancel);
  useEffect(() => {
    confirm.current?.focus();
    confirm.current?.scrollIntoView({ block: 'nearest' });
  }, [scanKey]);
  return (
    <Group ref={bar}>
      <Button ref={confirm} size="xl" color={color} onClick={onConfirm} data-testid={testId}>
        {label}
      </Button>
      {children}
      <Button size="xl" variant="default" onClick={onCancel}>
        Cancel
      </Button>
    </Group>
  );
}
