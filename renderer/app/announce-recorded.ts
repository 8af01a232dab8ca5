import { notifications } from '@mantine/notifications';
import { beep } from '../scanning/feedback';

/**
 * A movement is in the ledger: the tone tells the person at the shelf without looking, the
 * notification says what was recorded. A `warn` outcome (received into quarantine) is orange so it
 * is not mistaken for an ordinary success.
 */
export function announceRecorded(
  title: string,
  message: string,
  outcome: 'ok' | 'warn' = 'ok',
): void {
  beep(outcome);
  // After the next paint: the screen clears for the next scan first and the notification follows a
  // frame later, so a tech scanning on is never kept waiting for the notification's own render.
  requestAnimationFrame(() =>
    setTimeout(() =>
      notifications.show({ color: outcome === 'ok' ? 'green' : 'orange', title, message }),
    ),
  );
}
