import { List, Paper, Text } from '@mantine/core';
import type { ProductScan } from '../scanning/resolve-scan';

/** Scans waiting behind the one on screen: nothing a tech scanned is dropped without a word. */
export function QueuedScans({ queued }: { queued: readonly ProductScan[] }) {
  if (queued.length === 0) return null;
  return (
    <Paper withBorder p="sm" bg="yellow.0" data-testid="queued-scans" aria-live="polite">
      <Text fz="lg" fw={700}>
        {queued.length === 1 ? '1 more scan waits' : `${queued.length} more scans wait`}: it comes
        up when you confirm or cancel this one.
      </Text>
      <List>
        {queued.map((s, i) => (
          <List.Item key={i}>
            <Text fz="lg">
              {s.item?.name ?? s.pending?.description ?? s.gtin ?? s.hibccCode} · lot{' '}
              {s.lotCode || '—'}
            </Text>
          </List.Item>
        ))}
      </List>
    </Paper>
  );
}
