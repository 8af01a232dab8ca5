import { Group, Paper, Stack } from '@mantine/core';
import type { ReactNode } from 'react';
import { CsvButton } from '../../components/csv-button';
import { DefinedTitle } from '../../components/defined-title';

/** One network indicator's panel: its title with the definition, its CSV export, then its body. */
export function IndicatorPanel(props: {
  title: string;
  definition: string | undefined;
  csv: {
    name: string;
    label: string;
    columns: readonly string[];
    rows: () => (string | number)[][];
  };
  children: ReactNode;
}) {
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Group justify="space-between">
          <DefinedTitle title={props.title} definition={props.definition} />
          <CsvButton {...props.csv} />
        </Group>
        {props.children}
      </Stack>
    </Paper>
  );
}
