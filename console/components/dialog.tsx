import { Modal } from '@mantine/core';
import { useEffect, useState, type ReactNode } from 'react';
import { FOCUSABLE } from './keep-row-focus';

/**
 * Mantine's modal with what axe asks of a dialog: its header is not a second page banner (a
 * `<header>` there is one to axe) and its close button is named. Screens show it by mounting it
 * and close it by unmounting it, which skips Mantine's own return of focus (it watches `opened`):
 * so focus goes back here to what had it when the dialog opened, or a keyboard user closing it
 * with Escape, Back or its act starts again at the top of the page. When what had it has gone
 * meanwhile (a reload took an opener out of its table row), focus goes to that row instead.
 */
export function Dialog(props: {
  title: string;
  onClose: () => void;
  children: ReactNode;
  size?: string;
}) {
  const [opener] = useState(() => document.activeElement);
  const [openerRow] = useState(
    () => opener?.closest<HTMLElement>('tr[data-row-key]')?.dataset['rowKey'],
  );
  useEffect(
    () => () => {
      if (opener instanceof HTMLElement && opener.isConnected) {
        opener.focus();
        return;
      }
      if (openerRow === undefined) return;
      const row = document.querySelector<HTMLElement>(
        `tr[data-row-key="${CSS.escape(openerRow)}"]`,
      );
      (row?.querySelector<HTMLElement>(FOCUSABLE) ?? row)?.focus();
    },
    [opener, openerRow],
  );
  return (
    <Modal.Root opened onClose={props.onClose} centered size={props.size ?? 'md'}>
      <Modal.Overlay />
      <Modal.Content>
        <Modal.Header component="div">
          <Modal.Title>{props.title}</Modal.Title>
          <Modal.CloseButton aria-label="Close" />
        </Modal.Header>
        <Modal.Body>{props.children}</Modal.Body>
      </Modal.Content>
    </Modal.Root>
  );
}
