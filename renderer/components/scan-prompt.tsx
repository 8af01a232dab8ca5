import { Alert, Button, Paper, Stack, Text } from '@mantine/core';
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { isSeparatorFault } from '../../shared/barcode/error-codes';
import { focusIsLost, focusIsOnHeading, focusQuietly, screenHeading } from './focus-landing';

/** The screen's "No label to scan? Find the item" box, where it has one. */
const handEntryBox = () =>
  document.querySelector<HTMLInputElement>('main [data-testid="item-search"] input');

/**
 * The standing instruction at the top of a scanning screen, and the last scan's problem. A scan
 * that was not used says so; where the screen lets the item be entered by hand, the message's
 * action takes the person there. When the focus had been lost (the item's confirm bar went with
 * the scan), it goes to that action, or to the screen's heading: never left on the page body.
 */
export function ScanPrompt({
  children,
  error,
}: {
  children: string;
  error?: { code: string; message: string } | undefined;
}) {
  const action = useRef<HTMLButtonElement>(null);
  const [handEntry, setHandEntry] = useState(false);
  // Read once the screen is drawn: the box appears in the same render as the error.
  useLayoutEffect(() => {
    if (error) setHandEntry(handEntryBox() !== null);
  }, [error]);
  useEffect(() => {
    if (error && (focusIsLost() || focusIsOnHeading()))
      focusQuietly(action.current ?? screenHeading());
  }, [error, handEntry]);
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
          <Stack gap="sm" align="flex-start">
            <Text fz="lg">{error.message}</Text>
            {handEntry && (
              <Button
                ref={action}
                variant="default"
                size="md"
                onClick={() => handEntryBox()?.focus()}
                data-testid="scan-error-hand-entry"
              >
                Find the item by hand
              </Button>
            )}
            {/* The fix of a separator fault is on that screen; its message says so, this goes. */}
            {isSeparatorFault(error.code) && (
              <Button
                component="a"
                href="#/scanner"
                variant="default"
                size="md"
                data-testid="scan-error-scanner-set-up"
              >
                Open Scanner set-up
              </Button>
            )}
          </Stack>
        </Alert>
      )}
    </>
  );
}
