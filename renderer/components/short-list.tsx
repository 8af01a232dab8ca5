import { Button, List } from '@mantine/core';
import { useId, useState, type ReactNode } from 'react';

export interface ShortListProps<T> {
  items: readonly T[];
  itemKey: (item: T) => string;
  renderItem: (item: T) => ReactNode;
  /** What the list holds, plural, for the button: "Show all 212 expiring lots". */
  noun: string;
  /** Entries drawn before the person asks for the rest. */
  limit?: number;
  /**
   * Keys drawn even when the list is short, in their place: an entry someone is working in (a
   * note half typed) must not vanish because stronger entries arrived above it.
   */
  keep?: ReadonlySet<string>;
}

/**
 * A dashboard list that draws its first entries and the rest on request. An overview that drew
 * every one of hundreds of expiring lots would bury the soonest under a page of scrolling and
 * take the screen a quarter of a second to draw; the card's count already says how many there are.
 */
export function ShortList<T>({
  items,
  itemKey,
  renderItem,
  noun,
  limit = 5,
  keep,
}: ShortListProps<T>) {
  const [open, setOpen] = useState(false);
  const id = useId();
  const shown = open
    ? items
    : items.filter((item, index) => index < limit || keep?.has(itemKey(item)));
  const hidden = items.length - limit;
  return (
    <>
      <List spacing="xs" mt="sm" id={id}>
        {shown.map((item) => (
          <List.Item key={itemKey(item)}>{renderItem(item)}</List.Item>
        ))}
      </List>
      {hidden > 0 && (
        <Button
          variant="subtle"
          mt="xs"
          aria-expanded={open}
          aria-controls={id}
          onClick={() => setOpen((was) => !was)}
        >
          {open ? `Show the first ${limit} only` : `Show all ${items.length} ${noun}`}
        </Button>
      )}
    </>
  );
}
