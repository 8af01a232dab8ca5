import { Button, Group, Modal, Text } from '@mantine/core';
import { useState, type ReactNode } from 'react';

/** An act that cannot be undone asks once, naming what it does. */
export function ConfirmButton(props: {
  label: string;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  onConfirm: () => Promise<void>;
  ariaLabel?: string;
}) {
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  return (
    <>
      <Button
        color="red"
        variant="light"
        size="sm"
        onClick={() => setOpen(true)}
        aria-label={props.ariaLabel ?? props.label}
      >
        {props.label}
      </Button>
      <Modal opened={open} onClose={() => setOpen(false)} title={props.title} centered>
        <Text mb="md">{props.children}</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={() => setOpen(false)}>
            Cancel
          </Button>
          <Button
            color="red"
            loading={busy}
            onClick={async () => {
              setBusy(true);
              try {
                await props.onConfirm();
              } finally {
                setBusy(false);
                setOpen(false);
              }
            }}
          >
            {props.confirmLabel}
          </Button>
        </Group>
      </Modal>
    </>
  );
}
