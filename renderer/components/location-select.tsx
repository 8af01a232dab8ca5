import { Select } from '@mantine/core';
import { memo, useMemo } from 'react';
import type { Location } from '../../shared/model';
import { useStockData } from '../app/stock-data';

interface LocationSelectProps {
  label: string;
  value: string | null;
  onChange: (id: string | null) => void;
  kinds: readonly Location['kind'][];
}

/**
 * Screens pass `kinds` as a fresh array literal; comparing it by content keeps a scan (which
 * re-renders the screen) from re-rendering the two comboboxes on every label read.
 */
const sameProps = (a: LocationSelectProps, b: LocationSelectProps) =>
  a.label === b.label &&
  a.value === b.value &&
  a.onChange === b.onChange &&
  a.kinds.join() === b.kinds.join();

export const LocationSelect = memo(function LocationSelect({
  label,
  value,
  onChange,
  kinds,
}: LocationSelectProps) {
  const { locations } = useStockData();
  const kindsKey = kinds.join();
  const data = useMemo(
    () =>
      locations
        .filter((l) => kindsKey.split(',').includes(l.kind) && l.active)
        .map((l) => ({ value: l.id, label: l.name })),
    [locations, kindsKey],
  );
  return (
    <Select
      label={label}
      size="lg"
      value={value}
      onChange={onChange}
      data={data}
      allowDeselect={false}
      // Names such as "Stockroom A · Shelf 3" must stay readable at 1024 px: a row of fields
      // wraps rather than cutting them.
      miw={330}
    />
  );
}, sameProps);
