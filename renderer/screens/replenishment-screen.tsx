import { Alert, Button, Card, Checkbox, Group, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { twoBinSuggestion } from '../../shared/replenishment/two-bin';
import { useReplenishmentPlan } from '../app/replenishment-review';
import { useScans } from '../app/scan-bus';
import { useStockData } from '../app/stock-data';
import { useRaiseRequest } from '../app/use-raise-request';
import { ScanPrompt } from '../components/scan-prompt';
import { beep } from '../scanning/feedback';

/**
 * Today's suggestions with the sentence that explains each, a request made from the ticked ones,
 * and two-bin cards: scanning an empty bin's card orders one bin, never twice.
 */
export function ReplenishmentScreen() {
  const data = useStockData();
  const plan = useReplenishmentPlan();
  const raise = useRaiseRequest();
  // The review returns only the levels to order (ordersOnly).
  const orders = plan.suggestions;
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [cardMessage, setCardMessage] = useState<{ ok: boolean; text: string }>();
  const name = (id: string) => data.itemById.get(id)?.name ?? id;

  useScans((scan) => {
    const level = data.parLevels.find((p) => p.id === scan.text.trim());
    if (!level) {
      beep('warn');
      setCardMessage({
        ok: false,
        text: 'That is not a two-bin card of this stockroom. Scan the card on the empty bin.',
      });
      return;
    }
    const suggestion = twoBinSuggestion(
      level,
      data.itemById.get(level.itemId)?.orderMultiple,
      data.requests,
    );
    if (!suggestion.ok) {
      beep('warn');
      setCardMessage({ ok: false, text: suggestion.error.message });
      return;
    }
    if (suggestion.value.decision !== 'order') {
      beep('warn');
      setCardMessage({ ok: false, text: suggestion.value.explanation });
      return;
    }
    void raise({
      kind: 'two-bin',
      locationId: level.locationId,
      parLevelId: level.id,
      lines: [
        {
          itemId: level.itemId,
          quantity: suggestion.value.quantity,
          note: suggestion.value.explanation,
        },
      ],
    }).then((r) => {
      beep(r.ok ? 'ok' : 'warn');
      setCardMessage(
        r.ok
          ? { ok: true, text: `Ordered: ${suggestion.value.explanation}` }
          : { ok: false, text: r.message },
      );
    });
  });

  const submit = async () => {
    const picked = orders.filter((s) => chosen.has(s.parLevelId));
    const byLocation = new Map<string, typeof picked>();
    for (const s of picked)
      byLocation.set(s.locationId, [...(byLocation.get(s.locationId) ?? []), s]);
    for (const [locationId, list] of byLocation) {
      const r = await raise({
        kind: 'replenishment',
        locationId,
        lines: list.map((s) => ({
          itemId: s.itemId,
          quantity: s.quantity,
          note: s.explanation.slice(0, 500),
        })),
      });
      if (!r.ok)
        return notifications.show({ color: 'red', title: 'Not submitted', message: r.message });
    }
    beep('ok');
    setChosen(new Set());
    notifications.show({
      color: 'green',
      title: 'Request submitted',
      message: `${picked.length} lines`,
    });
  };

  return (
    <Stack gap="md">
      <Title order={1}>Replenishment</Title>
      <ScanPrompt>Scan the card of an empty two-bin bin to order it.</ScanPrompt>
      {cardMessage && (
        <Alert
          color={cardMessage.ok ? '#1e6b30' : 'orange'}
          variant={cardMessage.ok ? 'filled' : 'light'}
          role="status"
          data-testid="two-bin-result"
        >
          <Text fz="lg">{cardMessage.text}</Text>
        </Alert>
      )}
      {orders.length === 0 && <Text fz="lg">Nothing to order at this review.</Text>}
      {orders.map((s) => (
        <Card key={s.parLevelId} withBorder padding="md" data-testid="suggestion">
          <Checkbox
            size="lg"
            checked={chosen.has(s.parLevelId)}
            onChange={(e) => {
              const next = new Set(chosen);
              if (e.currentTarget.checked) next.add(s.parLevelId);
              else next.delete(s.parLevelId);
              setChosen(next);
            }}
            label={
              <Text fz="lg" fw={700}>
                {name(s.itemId)} · {data.locationById.get(s.locationId)?.name ?? s.locationId} —
                order {s.quantity}
              </Text>
            }
            description={
              <Text fz="md" c="gray.9">
                {s.explanation}
              </Text>
            }
          />
        </Card>
      ))}
      <Group>
        <Button
          size="xl"
          disabled={chosen.size === 0}
          onClick={() => void submit()}
          data-testid="request-submit"
        >
          Create and submit request ({chosen.size})
        </Button>
      </Group>
    </Stack>
  );
}
