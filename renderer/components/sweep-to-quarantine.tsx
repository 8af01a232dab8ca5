import { Button, Group, NumberInput, Select, Text } from '@mantine/core';
import { useState } from 'react';
import { normaliseLotCode } from '../../shared/model';
import { moveToQuarantineDrafts } from '../../shared/recall/quarantine-evidence';
import { problemText } from '../app/problem-text';
import { useStockData } from '../app/stock-data';
import { useRecord } from '../app/use-record';
import { beep } from '../scanning/feedback';

/**
 * After a recalled unit is scanned in the sweep: where it was taken from and how many, and
 * "Put in quarantine" records the move into the quarantine area under the notice. The scan is
 * the evidence the recall case counts.
 */
export function SweepToQuarantine({
  itemId,
  lotCode,
  noticeId,
}: {
  itemId: string;
  lotCode: string;
  noticeId: string;
}) {
  const data = useStockData();
  const record = useRecord();
  const area = data.locations.find((l) => l.kind === 'quarantine' && l.active);
  const sources = data.balances.filter(
    (b) =>
      b.itemId === itemId &&
      b.lotCode === normaliseLotCode(lotCode) &&
      b.onHand > 0 &&
      data.locationById.get(b.locationId)?.kind !== 'quarantine',
  );
  const [from, setFrom] = useState<string | null>(sources[0]?.locationId ?? null);
  const [units, setUnits] = useState<number | ''>(1);
  const [said, setSaid] = useState<{ ok: boolean; text: string }>();

  if (!area) {
    return (
      <Text fz="lg" fw={700}>
        This stockroom has no quarantine area set up: keep the unit apart and ask the centre.
      </Text>
    );
  }
  if (sources.length === 0) {
    return (
      <Text fz="lg" data-testid="sweep-already-quarantined">
        The record has no unit of this lot outside the {area.name}.
      </Text>
    );
  }
  const put = async () => {
    if (!from || units === '' || units < 1) {
      return setSaid({ ok: false, text: 'Choose where it came from and how many units.' });
    }
    const result = await record(
      moveToQuarantineDrafts({ itemId, lotCode, locationId: from }, units, area.id, noticeId),
      { acceptWarnings: true },
    );
    beep(result.ok ? 'ok' : 'warn');
    setSaid(
      result.ok
        ? { ok: true, text: `${units} put in the ${area.name}.` }
        : { ok: false, text: problemText(result.problems) },
    );
  };
  return (
    <Group align="flex-end" data-testid="sweep-quarantine">
      <Select
        label="Taken from"
        size="lg"
        value={from}
        onChange={setFrom}
        allowDeselect={false}
        data={sources.map((b) => ({
          value: b.locationId,
          label: data.locationById.get(b.locationId)?.name ?? b.locationId,
        }))}
      />
      <NumberInput
        label="Units"
        size="lg"
        min={1}
        max={1_000_000}
        allowDecimal={false}
        value={units}
        onChange={(v) => setUnits(v === '' ? '' : Number(v))}
        maw={140}
      />
      <Button size="lg" color="red.9" autoFocus onClick={() => void put()}>
        Put in {area.name}
      </Button>
      {said && (
        <Text
          fz="lg"
          fw={700}
          c={said.ok ? undefined : 'red.9'}
          role={said.ok ? 'status' : 'alert'}
          data-testid="sweep-quarantine-result"
        >
          {said.text}
        </Text>
      )}
    </Group>
  );
}
