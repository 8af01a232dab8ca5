import { useEffect, useRef, type FocusEvent, type RefObject } from 'react';

export const FOCUSABLE = 'button:not([disabled]), a[href], input:not([disabled]), [tabindex="0"]';

interface Remembered {
  key: string;
  /** The row's place and the cell's, for a row that has gone (resolved, revoked, moved on). */
  row: number;
  cell: number;
}

/**
 * Keeps a keyboard user's place in a table whose rows change under them. An act in a row (take,
 * acknowledge, revoke) replaces the button that had focus, or removes the row, and the browser
 * drops focus to the page: the next Tab starts again at the top. When that happens, focus goes to
 * the same row's control in the same cell (else its first), or, when the row has gone, to the row
 * now in its place, or to the table's empty-state line. Focus the person moved elsewhere
 * themselves is never taken back: a blur from an element still on the page forgets the row.
 */
export function useKeepRowFocus(root: RefObject<HTMLElement | null>) {
  const remembered = useRef<Remembered | null>(null);
  useEffect(() => {
    const last = remembered.current;
    const container = root.current;
    if (!last || !container) return;
    const active = document.activeElement;
    if (active && active !== document.body && active.isConnected) return;
    const rows = [...container.querySelectorAll<HTMLElement>('tbody tr[data-row-key]')];
    const row =
      rows.find((r) => r.dataset['rowKey'] === last.key) ??
      rows[Math.min(last.row, rows.length - 1)];
    if (!row) {
      container.querySelector<HTMLElement>('[data-empty-state]')?.focus();
      remembered.current = null;
      return;
    }
    const cell = row.children[last.cell];
    const target =
      cell?.querySelector<HTMLElement>(FOCUSABLE) ??
      row.querySelector<HTMLElement>(FOCUSABLE) ??
      row;
    target.focus();
  });
  return {
    onFocus(event: FocusEvent<HTMLElement>) {
      const target = event.target as HTMLElement;
      const row = target.closest<HTMLElement>('tr[data-row-key]');
      const cell = target.closest('td');
      if (!row || !cell || !row.parentElement) {
        remembered.current = null;
        return;
      }
      remembered.current = {
        key: row.dataset['rowKey'] ?? '',
        row: [...row.parentElement.children].indexOf(row),
        cell: [...row.children].indexOf(cell),
      };
    },
    onBlur(event: FocusEvent<HTMLElement>) {
      // Removed with the re-render: keep the place. Still on the page: the person moved on.
      if ((event.target as HTMLElement).isConnected) remembered.current = null;
    },
  };
}
