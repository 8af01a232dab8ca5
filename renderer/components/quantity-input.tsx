import { NumberInput } from '@mantine/core';

/**
 * How many units a movement is for. A cleared or zero field reads as one, so the confirm button
 * always names a real count. Pass the state setter as `onChange` (a stable function).
 */
export function QuantityInput({
  value,
  onChange,
  max,
}: {
  value: number;
  onChange: (quantity: number) => void;
  max: number;
}) {
  return (
    <NumberInput
      label="Quantity"
      size="lg"
      min={1}
      max={max}
      value={value}
      onChange={(v) => onChange(Number(v) || 1)}
    />
  );
}
