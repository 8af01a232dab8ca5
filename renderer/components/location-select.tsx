import { Select } from '@mantine/core';
import type { Location } from '../../shared/model';
import { useStockData } from '../app/stock-data';

export function LocationSelect({
  label,
  value,
  onChange,
  kinds,
}: {
  label: string;
  value: string | null;
  onChange: (id: string | null) => void;
  kinds: readonly Location['kind'][];
}) {
  const { locations } = useStockData();
  return (
    <Select
      label={label}
      size="lg"
      value={value}
      onChange={onChange}
      data={locations
        .filter((l) => kinds.includes(l.kind) && l.active)
        .map((l) => ({ value: l.id, label: l.name }))}
      allowDeselect={false}
    />
  );
}
