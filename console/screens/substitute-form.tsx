import { Button, Group, NumberInput, Select, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import type { SupplyRequest } from '../../shared/model';
import { consoleApi } from '../api/calls';
import type { ApiError } from '../api/http';
import { Problem } from '../components/problem';
import { useItemChoices } from '../components/use-item-choices';

/**
 * A buyer proposes one substitute for one line of a request: the line, an active item of the item
 * master, how many units would fill the line, and why. The ward decides on its PC; the endpoint
 * checks everything again (the item is active, not already on the request, the line still open).
 */
export function SubstituteForm(props: {
  request: SupplyRequest;
  /** An item of the request as the buyer reads it: its name beside its id. */
  itemLabel: (itemId: string) => string;
  onCancel: () => void;
  onProposed: () => void;
}) {
  const { request } = props;
  const [lineItemId, setLineItemId] = useState<string | null>(request.lines[0]?.itemId ?? null);
  const [itemId, setItemId] = useState<string | null>(null);
  const [quantity, setQuantity] = useState<number | string>(request.lines[0]?.quantity ?? 1);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<ApiError>();
  const choices = useItemChoices();

  const ready =
    lineItemId !== null &&
    itemId !== null &&
    typeof quantity === 'number' &&
    Number.isInteger(quantity) &&
    quantity > 0 &&
    reason.trim() !== '';
  return (
    <form
      aria-label={`Propose a substitute for request ${request.id}`}
      onSubmit={(event) => {
        event.preventDefault();
        if (!ready) return;
        setBusy(true);
        setProblem(undefined);
        consoleApi
          .proposeSubstitutes(request.id, [
            { lineItemId, itemId, quantity: quantity, reason: reason.trim() },
          ])
          .then(props.onProposed, (error: ApiError) => setProblem(error))
          .finally(() => setBusy(false));
      }}
    >
      <Stack gap="sm">
        <Problem error={problem ?? choices.error} title="Not proposed" />
        <Select
          label="Line it would replace"
          required
          allowDeselect={false}
          data={request.lines.map((l) => ({
            value: l.itemId,
            label: `${l.quantity} × ${props.itemLabel(l.itemId)}`,
          }))}
          value={lineItemId}
          onChange={(value) => {
            setLineItemId(value);
            const line = request.lines.find((l) => l.itemId === value);
            if (line) setQuantity(line.quantity);
          }}
        />
        <Select
          label="Substitute item"
          description={
            choices.capped
              ? 'Only the first items by name are listed: type part of a name or id to narrow.'
              : 'Active items of the item master.'
          }
          required
          searchable
          nothingFoundMessage="No active item matches."
          data={choices.data.filter((c) => !request.lines.some((l) => l.itemId === c.value))}
          value={itemId}
          onChange={setItemId}
          onSearchChange={choices.search}
        />
        <NumberInput
          label="Units of the substitute"
          required
          min={1}
          max={1_000_000}
          allowDecimal={false}
          allowNegative={false}
          value={quantity}
          onChange={setQuantity}
        />
        <Textarea
          label="Reason"
          description="Why the line cannot be filled as asked, and why this item. The ward reads it before deciding."
          required
          autosize
          minRows={3}
          maxLength={1000}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
        />
        <Text fz="xs">
          Nothing is picked or shipped as the substitute until the ward accepts it.
        </Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onCancel}>
            Back
          </Button>
          <Button type="submit" loading={busy} disabled={!ready}>
            Propose
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
