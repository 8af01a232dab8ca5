import { Button } from '@mantine/core';
import { useEffect } from 'react';
import { useFocusRescue } from './focus-landing';
import { useEscapeCancel } from './use-escape-cancel';

/**
 * The one way on from a STOP: Cancel drops the scan. It takes the focus when the STOP appears (so
 * Enter or Esc clears it, and a small screen scrolls the STOP and its button into view). When it
 * goes holding the focus, the focus goes to the screen's heading, not the page body.
 */
export function StopCancel({ onCancel, scanKey }: { onCancel: () => void; scanKey: unknown }) {
  const button = useFocusRescue<HTMLButtonElement>();
  useEscapeCancel(onCancel);
  useEffect(() => {
    button.current?.focus();
    button.current?.scrollIntoView({ block: 'nearest' });
  }, [scanKey]);
  return (
    <Button
      ref={button}
      size="xl"
      variant="default"
      onClick={onCancel}
      w="fit-content"
      data-testid="stop-cancel"
    >
      Cancel
    </Button>
  );
}
