import { ActionIcon, Button, Card, Group, Modal, Popover, Table, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import type { ReactNode } from 'react';
import { INDICATORS, toCsv, type IndicatorId } from '../../shared/indicators';
import { downloadFile } from '../app/download-file';

export interface RecordsTable {
  columns: string[];
  rows: (string | number)[][];
}

/**
 * One indicator: its figure, what it means (a popover opened by click, tap or Enter, so it works
 * without a mouse), a chart where one helps, and the records behind the figure.
 */
export function IndicatorCard(props: {
  id: IndicatorId;
  figure: string;
  caption?: string;
  chart?: ReactNode;
  records: RecordsTable;
}) {
  const { title, definition } = INDICATORS[props.id];
  const [open, records] = useDisclosure(false);
  return (
    <Card withBorder padding="lg" data-testid={`indicator-${props.id}`}>
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <Title order={3} fz={20}>
          {title}
        </Title>
        <Popover width={320} position="bottom-end" withArrow>
          <Popover.Target>
            <ActionIcon variant="subtle" aria-label={`What "${title}" means`} size="lg">
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
      {props.chart}
      <Button
        variant="light"
        mt="sm"
        onClick={records.open}
        disabled={props.records.rows.length === 0}
      >
        {props.records.rows.length === 0
          ? 'No records behind this figure'
          : `Show the ${props.records.rows.length} record${props.records.rows.length === 1 ? '' : 's'} behind it`}
      </Button>
      <Modal opened={open} onClose={records.close} title={title} size="xl">
        <Button variant="default" mb="sm" onClick={() => downloadCsv(props.id, props.records)}>
          Download as CSV
        </Button>
        <Table striped stickyHeader aria-label={`Records behind ${title}`}>
          <Table.Thead>
            <Table.Tr>
              {props.records.columns.map((c) => (
                <Table.Th key={c}>{c}</Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {props.records.rows.map((row, i) => (
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

/** The records as a CSV file the browser (or the desktop shell's download) saves. */
function downloadCsv(id: IndicatorId, records: RecordsTable): void {
  downloadFile(`${id}.csv`, toCsv(records.columns, records.rows), 'text/csv;charset=utf-8');
}
