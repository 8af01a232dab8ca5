import { Button, Group, NumberInput, Select, Stack, Text, Textarea } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { SupplyRequest } from '../../shared/model';
import { consoleApi } from '../api/calls';
import type { ApiError } from '../api/http';
import { Problem } from '../components/problem';

interface Choice {
  value: string;
  label: string;
}

/**
 * A buyer proposes one substitute for one line of a request: the line, an active item of the item
 * master, how many units would fill the line, and why. The ward decides on its PC; the endpoint
 * checks everything again (the item is active, not already on the request, the line still open).
 */
export function SubstituteForm(props: {
  request: SupplyRequest;
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
            label: `${l.quantity} × ${l.itemId}`,
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

/** The item master's active items, searched on the endpoint as the buyer types. */
function useItemChoices() {
  const [search, setSearch] = useState('');
  const [data, setData] = useState<Choice[]>([]);
  const [capped, setCapped] = useState(false);
  const [error, setError] = useState<ApiError>();
  useEffect(() => {
    let current = true;
    // The choice already shown is searched for by its label: ask the endpoint only for new text.
    const known = data.some((c) => c.label === search);
    if (known) return;
    const timer = setTimeout(() => {
      consoleApi.items(search).then(
        (answer) => {
          if (!current) return;
          setData(answer.items.map((i) => ({ value: i.id, label: `${i.name} (${i.id})` })));
          setCapped(answer.capped);
          setError(undefined);
        },
        (failure: ApiError) => current && setError(failure),
      );
    }, 200);
    return () => {
      current = false;
      clearTimeout(timer);
    };
    // `data` is read only to skip a search for the chosen label, not to search again when it changes.
  }, [search]);
  return { data, capped, error, search: setSearch };
}
