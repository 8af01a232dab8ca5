import { Table, Text, UnstyledButton } from '@mantine/core';
import { useRef, useState, type ReactNode } from 'react';
import { useKeepRowFocus } from './keep-row-focus';

export interface Column<Row> {
  header: string;
  cell(row: Row): ReactNode;
  /** What the column sorts by, for a column a person may sort on (age, facility, priority). */
  sortValue?(row: Row): string | number;
  /**
   * What the caption adds when the table is sorted on this column, where "ascending" alone would
   * leave a person guessing ("oldest first; PCs never heard from first").
   */
  sortNote?(descending: boolean): string;
}

/**
 * The one table every list screen uses: a caption for screen readers, a header row, and rows that
 * can be marked as needing attention (a quiet PC, a revoked key). Focus stays in the table when an
 * act in a row replaces or removes what had it (keep-row-focus.ts). A column with a sort value
 * has a header button (Enter or Space): ascending, then descending, then the endpoint's order.
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

interface Sort {
  header: string;
  descending: boolean;
}

export function DataTable<Row>(props: DataTableProps<Row>) {
  const root = useRef<HTMLDivElement>(null);
  const focus = useKeepRowFocus(root);
  const [sort, setSort] = useState<Sort>();
  const rows = sorted(props.rows, props.columns, sort, props.rowKey);
  const toggle = (header: string) =>
    setSort((now) => {
      if (now?.header !== header) return { header, descending: false };
      return now.descending ? undefined : { header, descending: true };
    });
  return (
    <div ref={root} onFocus={focus.onFocus} onBlur={focus.onBlur}>
      {rows.length === 0 ? (
        <Text data-empty-state tabIndex={-1}>
          {props.empty}
        </Text>
      ) : (
        <Rows {...props} rows={rows} sort={sort} onSort={toggle} />
      )}
    </div>
  );
}

function compareValues(x: string | number, y: string | number): number {
  return typeof x === 'number' && typeof y === 'number'
    ? x - y
    : String(x).localeCompare(String(y), undefined, { numeric: true });
}

function sorted<Row>(
  rows: readonly Row[],
  columns: Column<Row>[],
  sort: Sort | undefined,
  rowKey: (row: Row) => string,
) {
  const by = sort && columns.find((c) => c.header === sort.header)?.sortValue;
  if (!sort || !by) return rows;
  const direction = sort.descending ? -1 : 1;
  // Rows that tie fall back to their key, so they keep one place on every reload and a person
  // reading down a sorted column does not see two rows swap.
  return [...rows].sort(
    (a, b) => compareValues(by(a), by(b)) * direction || compareValues(rowKey(a), rowKey(b)),
  );
}

function sortedBy<Row>(sort: Sort, columns: Column<Row>[]): string {
  const note = columns.find((c) => c.header === sort.header)?.sortNote?.(sort.descending);
  const words = `sorted by ${sort.header}, ${sort.descending ? 'descending' : 'ascending'}`;
  return note ? `${words}: ${note}` : words;
}

const ARROW = { ascending: '▲', descending: '▼', none: '↕' } as const;

function SortableHeader(props: { header: string; state: keyof typeof ARROW; onSort: () => void }) {
  return (
    <UnstyledButton
      onClick={props.onSort}
      fw={700}
      fz="sm"
      style={{ display: 'inline-flex', gap: 4, alignItems: 'center', whiteSpace: 'nowrap' }}
    >
      {props.header}
      <span aria-hidden="true" style={{ opacity: props.state === 'none' ? 0.55 : 1 }}>
        {ARROW[props.state]}
      </span>
    </UnstyledButton>
  );
}

function Rows<Row>(
  props: DataTableProps<Row> & { sort: Sort | undefined; onSort: (header: string) => void },
) {
  return (
    <Table.ScrollContainer minWidth={800}>
      <Table striped highlightOnHover withTableBorder data-testid={props.testId}>
        <caption
          style={{ captionSide: 'top', textAlign: 'left', fontWeight: 600, padding: '4px 0' }}
        >
          {props.caption}
          {props.sort ? ` (${sortedBy(props.sort, props.columns)})` : ''}
        </caption>
        <Table.Thead>
          <Table.Tr>
            {props.columns.map((c) => {
              if (!c.sortValue) {
                return (
                  <Table.Th key={c.header} scope="col">
                    {c.header}
                  </Table.Th>
                );
              }
              const state =
                props.sort?.header !== c.header
                  ? 'none'
                  : props.sort.descending
                    ? 'descending'
                    : 'ascending';
              return (
                <Table.Th key={c.header} scope="col" aria-sort={state}>
                  <SortableHeader
                    header={c.header}
                    state={state}
                    onSort={() => props.onSort(c.header)}
                  />
                </Table.Th>
              );
            })}
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
