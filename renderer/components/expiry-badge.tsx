import { Badge } from '@mantine/core';
import { expiryBand, type ExpiryBand } from '../../shared/inventory/expiry';

export const BAND: Record<ExpiryBand, { label: string; color: string }> = {
  expired: { label: 'Expired', color: 'red.9' },
  'expiring-30': { label: 'Expires within 30 days', color: '#9c3d00' },
  'expiring-60': { label: 'Expires within 60 days', color: 'yellow.4' },
  'expiring-90': { label: 'Expires within 90 days', color: 'blue.8' },
  ok: { label: 'In date', color: '#1e6b30' },
  'no-expiry': { label: 'No expiry', color: 'gray.7' },
};

export function ExpiryBadge({ expiry, today }: { expiry: string | undefined; today: string }) {
  const band = BAND[expiryBand(expiry, today)];
  return (
    <Badge size="lg" color={band.color} autoContrast data-band={expiryBand(expiry, today)}>
      {band.label}
      {expiry ? ` · ${expiry}` : ''}
    </Badge>
  );
}
