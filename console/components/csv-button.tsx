import { Button } from '@mantine/core';
import { toCsv } from '../../shared/indicators';
import { downloadFile } from '../app/download-file';

/**
 * Exports a table's figures as CSV (shared/indicators/csv.ts: RFC 4180, no formula injection).
 * The numbers go out unrounded, so a spreadsheet can recompute what the screen rounds. The label
 * starts with the visible text, so a voice user saying "Export CSV" reaches it (WCAG 2.5.3).
 */
export function CsvButton(props: {
  name: string;
  label: string;
  columns: readonly string[];
  rows: () => (string | number)[][];
}) {
  return (
    <Button
      variant="default"
      size="xs"
      w="fit-content"
      aria-label={props.label}
      onClick={() =>
        downloadFile(
          `${props.name}.csv`,
          toCsv(props.columns, props.rows()),
          'text/csv;charset=utf-8',
        )
      }
    >
      Export CSV
    </Button>
  );
}
