import { Alert, NumberInput, Text } from '@mantine/core';
import { useEffect, useRef } from 'react';

/**
 * How many units a movement is for. A cleared or zero field reads as one, so the confirm button
 * always names a real count. Pass the state setter as `onChange` (a stable function).
 *
 * Enter in the field is the screen's submit, the same on every screen: `onEnter` confirms the
 * screen's act when all it needs is there, or says what is missing (shown by `MissingNote`). The
 * focus stays in the field either way. A scanner's Enter never arrives here (the wedge keeps it).
 */
export function QuantityInput({
  value,
  onChange,
  max,
  onEnter,
}: {
  value: number;
  onChange: (quantity: number) => void;
  max: number;
  onEnter?: () => void;
}) {
  const enter = useRef(onEnter);
  useEffect(() => {
    enter.current = onEnter;
  });
  return (
    <NumberInput
      label="Quantity"
      size="lg"
      min={1}
      max={max}
      value={value}
      onChange={(v) => onChange(Number(v) || 1)}
      onKeyDown={(event) => {
        if (event.key !== 'Enter' || !onEnter || event.nativeEvent.isComposing) return;
        event.preventDefault();
        // The wedge hands a person's last digit to the field on this very Enter (it held it to
        // tell typing from a scan): act once that digit is in the screen's quantity, not before.
        setTimeout(() => enter.current?.());
      }}
    />
  );
}

/** What Enter in Quantity still needs before it can confirm, announced at once. */
export function MissingNote({ message }: { message: string | undefined }) {
  if (!message) return null;
  return (
    <Alert color="orange" role="alert" title="Not yet" data-testid="quantity-missing">
      <Text fz="lg">{message}</Text>
    </Alert>
  );
}
