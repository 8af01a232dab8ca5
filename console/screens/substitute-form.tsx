import { Button, Group, NumberInput, Select, Stack, Text } from '@mantine/core';
import { useRef, useState } from 'react';
import { SUBSTITUTE_REASON, checkedReason } from '../../shared/console';
import type { SupplyRequest } from '../../shared/model';
import { consoleApi } from '../api/calls';
import type { ApiError } from '../api/http';
import { Problem } from '../components/problem';
import { ReasonField } from '../components/reason-field';
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
  const [missing, setMissing] = useState<string>();
  const field = useRef<HTMLTextAreaElement>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<ApiError>();
  const choices = useItemChoices();

  // The choices are required and checked by their own fields; the reason says what is missing.
  const chosen =
    lineItemId !== null &&
    itemId !== null &&
    typeof quantity === 'number' &&
    Number.isInteger(quantity) &&
    quantity > 0;
  return (
    <form
      aria-label={`Propose a substitute for request ${request.id}`}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        if (!chosen) return;
        const checked = checkedReason(reason, SUBSTITUTE_REASON);
        if (!checked.ok) {
          setMissing(checked.message);
          field.current?.focus();
          return;
        }
        setBusy(true);
        setProblem(undefined);
        consoleApi
          .proposeSubstitutes(request.id, [
            { lineItemId, itemId, quantity: quantity, reason: checked.reason },
          ])
          .then(props.onProposed, (error: ApiError) => setProblem(error))
          .finally(() => setBusy(false));
      }}
    >
      <Stack gap="sm">
        <Problem error={problem ?? choices.error} title="Not proposed" takeFocus />
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
        <ReasonField
          rule={SUBSTITUTE_REASON}
          fieldRef={field}
          label="Reason"
          description="Why the line cannot be filled as asked, and why this item. The ward reads it before deciding."
          value={reason}
          error={missing}
          onChange={(value) => {
            setReason(value);
            setMissing(undefined);
          }}
        />
        <Text fz="xs">
          Nothing is picked or shipped as the substitute until the ward accepts it.
        </Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onCancel}>
            Back
          </Button>
          <Button type="submit" loading={busy} disabled={!chosen}>
            Propose
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
