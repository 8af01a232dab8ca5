import { Stack, Text } from '@mantine/core';
import { escalatedByWords, type RequestView } from '../../shared/console';
import { TONE } from '../components/tones';
import { formatInstant } from '../components/when';

const WHILE = {
  acknowledge: 'waiting to be acknowledged',
  deliver: 'waiting for delivery',
} as const;

/**
 * Each time the ERP was told about the request, by the clock or by a buyer's hand (who and why):
 * the next buyer sees it was escalated and does not chase the ERP a second time.
 */
export function ErpEscalations({ view }: { view: RequestView }) {
  if (view.erpEscalations.length === 0) return null;
  return (
    <Stack gap={0}>
      {view.erpEscalations.map((e) => (
        <Text key={e.clock} fz="sm" fw={600} c={TONE.warn} data-testid="request-erp-escalation">
          Escalated to the ERP{' '}
          {escalatedByWords(e, e.by === null ? undefined : view.escalatedBy[e.by])},{' '}
          {formatInstant(e.at)}, {WHILE[e.clock]}
          {e.reason ? `: “${e.reason}”` : ''}
        </Text>
      ))}
    </Stack>
  );
}
