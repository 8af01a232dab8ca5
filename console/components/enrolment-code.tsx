import { Alert, Code, Group, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { enrolmentQrText } from '../../shared/console';
import type { EnrolmentCode as Code_ } from '../api/calls';
import { formatTime } from './when';

/**
 * The one-time code as text to type and as a QR code for the stockroom app's camera: the QR holds
 * this endpoint's address too (shared/console/enrolment-qr.ts), so one scan fills both fields.
 */
export function EnrolmentCode({ enrolment, onClose }: { enrolment: Code_; onClose: () => void }) {
  const [svg, setSvg] = useState<string>();
  const text = enrolmentQrText({ endpoint: window.location.origin, code: enrolment.code });
  useEffect(() => {
    // bwip-js is large: loaded only when a code is shown.
    void import('bwip-js/browser').then(({ toSVG }) =>
      setSvg(toSVG({ bcid: 'qrcode', text, scale: 3 })),
    );
  }, [text]);
  return (
    <Alert
      color="blue"
      title={`Enrolment code for ${enrolment.facilityId}`}
      data-testid="enrolment-code"
      withCloseButton
      closeButtonLabel="Hide the enrolment code"
      onClose={onClose}
    >
      <Group align="flex-start" gap="xl" wrap="wrap">
        <Stack gap="xs" maw={520}>
          <Text>
            On the stockroom PC: Sync status → Connect this PC. Enter this endpoint’s address and
            the code, or scan the QR code with the PC’s camera.
          </Text>
          <Text fw={700}>Endpoint address</Text>
          <Code fz="md">{window.location.origin}</Code>
          <Text fw={700}>One-time code</Text>
          <Code fz="md" data-testid="enrolment-code-text" style={{ wordBreak: 'break-all' }}>
            {enrolment.code}
          </Code>
          <Text>Works once, until {formatTime(enrolment.expiresAt)}. It is shown only now.</Text>
        </Stack>
        {svg && (
          <img
            src={`data:image/svg+xml;utf8,${encodeURIComponent(svg)}`}
            alt={`QR code holding the endpoint address and the one-time code for ${enrolment.facilityId}`}
            width={220}
            height={220}
            data-testid="enrolment-qr"
            style={{ background: 'white', padding: 8 }}
          />
        )}
      </Group>
    </Alert>
  );
}
