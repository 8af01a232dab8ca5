import { Modal } from '@mantine/core';
import type { ReactNode } from 'react';

/**
 * Mantine's modal with what axe asks of a dialog: its header is not a second page banner (a
 * `<header>` there is one to axe) and its close button is named.
 */
export function Dialog(props: {
  title: string;
  onClose: () => void;
  children: ReactNode;
  size?: string;
}) {
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
