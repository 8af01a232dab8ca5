import { Text } from '@mantine/core';
import type { Transmission } from '../../shared/replenishment/request-transmission';

/** Whether a request has left this PC, in words, beside its status. */
export function TransmissionNote({ transmission }: { transmission: Transmission }) {
  if (transmission.state === 'with-the-centre') return null;
  const onPc = transmission.state === 'on-this-pc';
  return (
    <Text
      fz="lg"
      fw={700}
      mt="xs"
      c={onPc ? '#9c3d00' : 'gray.9'}
      data-testid="request-transmission"
      data-state={transmission.state}
    >
      {transmission.message}
    </Text>
  );
}
