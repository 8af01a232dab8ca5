import { ActionIcon, Button, Card, Group, Modal, Popover, Table, Text, Title } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { INDICATORS, toCsv, type IndicatorId } from '../../shared/indicators';
import { downloadFile } from '../app/download-file';
import { DrawnWhenSeen } from './drawn-when-seen';

/** What a chart takes on the card (its caption and 140–160 px of bars), held until it is drawn. */
const CHART_HEIGHT = 170;

export interface RecordsTable {
  columns: string[];
  rows: (string | number)[][];
  /** Per row, the chart's categories (bars) it stands behind; a bar opens only its rows. */
  categories?: string[][];
}

/** Opens the records behind one category of the chart (a bar's label). */
export type ShowCategory = (category: string) => void;

/**
 * One indicator: its figure, what it means (a popover opened by click, tap or Enter, so it works
 * without a mouse), a chart where one helps, and the records behind the figure. A chart drawn by
 * `chart(show)` calls `show` with a bar's category when the bar is clicked: the records open on
 * that bar's rows, and "Show all" widens them again.
 */
export function IndicatorCard(props: {
  id: IndicatorId;
  figure: string;
  caption?: string;
  chart?: (show: ShowCategory) => ReactNode;
  /** How many records stand behind the figure. */
  count: number;
  /** The records, made only when someone opens them (dates in words cost time on every draw). */
  records: () => RecordsTable;
}) {
  const { title, definition } = INDICATORS[props.id];
  // undefined: closed; null: every record; a string: the records behind that bar.
  const [shown, setShown] = useState<string | null | undefined>(undefined);
  const [help, setHelp] = useState(false);
  const close = () => setShown(undefined);
  const opened = shown !== undefined;
  const records = opened ? props.records() : undefined;
  const rows = records ? recordsIn(records, shown ?? undefined) : [];
  const heading = typeof shown === 'string' ? `${title}: ${shown}` : title;
  return (
    <Card withBorder padding="lg" data-testid={`indicator-${props.id}`}>
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <Title order={3} fz={20}>
          {title}
        </Title>
        <Popover width={320} position="bottom-end" withArrow opened={help} onChange={setHelp}>
          <Popover.Target>
            <ActionIcon
              variant="subtle"
              aria-label={`What "${title}" means`}
              size="lg"
              onClick={() => setHelp((open) => !open)}
              // Mantine closes on Escape only from inside the dropdown, and the focus stays on
              // this button: a keyboard user's definition stayed open over the records they
              // opened next. Escape or moving on closes it.
              onKeyDown={(event) => {
                if (event.key === 'Escape' && help) {
                  event.stopPropagation();
                  setHelp(false);
                }
              }}
              onBlur={() => setHelp(false)}
            >
              ?
            </ActionIcon>
          </Popover.Target>
          <Popover.Dropdown>
            <Text fz="md">{definition}</Text>
          </Popover.Dropdown>
        </Popover>
      </Group>
      <Text fz={28} fw={700} mt="xs" data-testid={`indicator-${props.id}-figure`}>
        {props.figure}
      </Text>
      {props.caption && <Text fz="md">{props.caption}</Text>}
      {props.chart && (
        <DrawnWhenSeen minHeight={CHART_HEIGHT}>
          {() => props.chart?.((category) => setShown(category))}
        </DrawnWhenSeen>
      )}
      <Button variant="light" mt="sm" onClick={() => setShown(null)} disabled={props.count === 0}>
        {props.count === 0
          ? 'No records behind this figure'
          : `Show the ${props.count} record${props.count === 1 ? '' : 's'} behind it`}
      </Button>
      <Modal
        opened={opened}
        onClose={close}
        title={heading}
        size="xl"
        closeButtonProps={{ 'aria-label': 'Close the records' }}
      >
        <Group mb="sm">
          <Button
            variant="default"
            onClick={() => downloadCsv(props.id, { columns: records?.columns ?? [], rows })}
          >
            Download as CSV
          </Button>
          {typeof shown === 'string' && (
            <Button variant="default" onClick={() => setShown(null)}>
              Show all {props.count} records
            </Button>
          )}
        </Group>
        {rows.length === 0 && <Text fz="md">No records behind {shown}.</Text>}
        <Table striped stickyHeader aria-label={`Records behind ${heading}`}>
          <Table.Thead>
            <Table.Tr>
              {(records?.columns ?? []).map((c) => (
                <Table.Th key={c}>{c}</Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row, i) => (
              <Table.Tr key={i}>
                {row.map((cell, j) => (
                  <Table.Td key={j}>{cell}</Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Modal>
    </Card>
  );
}

/** The rows behind one category, or every row. */
function recordsIn(records: RecordsTable, category: string | undefined): RecordsTable['rows'] {
  if (category === undefined) return records.rows;
  return records.rows.filter((_, i) => records.categories?.[i]?.includes(category) ?? false);
}

/** The records as a CSV file the browser (or the desktop shell's download) saves. */
function downloadCsv(id: IndicatorId, records: RecordsTable): void {
  downloadFile(`${id}.csv`, toCsv(records.columns, records.rows), 'text/csv;charset=utf-8');
}
