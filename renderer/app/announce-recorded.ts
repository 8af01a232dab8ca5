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
  notifications.show({ color: outcome === 'ok' ? 'green' : 'orange', title, message });
}
