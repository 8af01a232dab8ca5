import { Table, Text } from '@mantine/core';
import { useRef, type ReactNode } from 'react';
import { useKeepRowFocus } from './keep-row-focus';

export interface Column<Row> {
  header: string;
  cell(row: Row): ReactNode;
}

/**
 * The one table every list screen uses: a caption for screen readers, a header row, and rows that
 * can be marked as needing attention (a quiet PC, a revoked key). Focus stays in the table when an
 * act in a row replaces or removes what had it (keep-row-focus.ts).
 */
export interface DataTableProps<Row> {
  caption: string;
  columns: Column<Row>[];
  rows: readonly Row[];
  rowKey(row: Row): string;
  attention?(row: Row): boolean;
  empty: string;
  testId?: string;
}

export function DataTable<Row>(props: DataTableProps<Row>) {
  const root = useRef<HTMLDivElement>(null);
  const focus = useKeepRowFocus(root);
  return (
    <div ref={root} onFocus={focus.onFocus} onBlur={focus.onBlur}>
      {props.rows.length === 0 ? (
        <Text data-empty-state tabIndex={-1}>
          {props.empty}
        </Text>
      ) : (
        <Rows {...props} />
      )}
    </div>
  );
}

function Rows<Row>(props: DataTableProps<Row>) {
  return (
    <Table.ScrollContainer minWidth={800}>
      <Table striped highlightOnHover withTableBorder data-testid={props.testId}>
        <caption
          style={{ captionSide: 'top', textAlign: 'left', fontWeight: 600, padding: '4px 0' }}
        >
          {props.caption}
        </caption>
        <Table.Thead>
          <Table.Tr>
            {props.columns.map((c) => (
              <Table.Th key={c.header} scope="col">
                {c.header}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {props.rows.map((row) => {
            const flagged = props.attention?.(row) ?? false;
            return (
              <Table.Tr
                key={props.rowKey(row)}
                data-row-key={props.rowKey(row)}
                tabIndex={-1}
                data-attention={flagged || undefined}
                style={
                  flagged
                    ? {
                        background: 'var(--mantine-color-orange-0)',
                        boxShadow: 'inset 4px 0 0 var(--mantine-color-orange-8)',
                      }
                    : undefined
                }
              >
                {props.columns.map((c) => (
                  <Table.Td key={c.header}>{c.cell(row)}</Table.Td>
                ))}
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
