import {
  Button,
  Checkbox,
  Group,
  Paper,
  Select,
  Stack,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { useState, type FormEvent } from 'react';
import type { RecallClass } from '../../shared/model';
import { consoleApi } from '../api/calls';
import type { ApiError } from '../api/http';
import { Problem } from '../components/problem';

const list = (text: string) =>
  text
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean);

/**
 * A recall notice typed in by a buyer, for a network without an ERP connection. The endpoint checks
 * it exactly as it checks the ERP's (and names the field it refuses).
 */
export function EnterRecall({ onEntered }: { onEntered: () => void }) {
  const [id, setId] = useState('');
  const [number, setNumber] = useState('');
  const [title, setTitle] = useState('');
  const [recallClass, setRecallClass] = useState<RecallClass>('I');
  const [source, setSource] = useState('');
  const [gtins, setGtins] = useState('');
  const [lots, setLots] = useState('');
  const [allLots, setAllLots] = useState(false);
  const [instructions, setInstructions] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<ApiError>();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setProblem(undefined);
    const now = new Date().toISOString();
    try {
      await consoleApi.enterRecall({
        id: id.trim(),
        number: number.trim(),
        title: title.trim(),
        class: recallClass,
        source: source.trim(),
        issuedAt: now,
        effectiveAt: now,
        status: 'open',
        gtins: list(gtins),
        hibccCodes: [],
        itemIds: [],
        catalogNumbers: [],
        allLots,
        lotCodes: allLots ? [] : list(lots),
        lotRanges: [],
        serials: [],
        instructions: instructions.trim(),
      });
      setId('');
      setNumber('');
      setTitle('');
      setGtins('');
      setLots('');
      setInstructions('');
      onEntered();
    } catch (error) {
      setProblem(error as ApiError);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Paper withBorder p="md">
      <form onSubmit={submit} aria-label="Enter a recall">
        <Stack gap="sm">
          <Title order={2} size="h4">
            Enter a recall (no ERP connection)
          </Title>
          <Problem error={problem} title="Recall not entered" />
          <Group align="flex-end" wrap="wrap">
            <TextInput
              label="Notice id"
              required
              value={id}
              onChange={(e) => setId(e.currentTarget.value)}
              w={180}
            />
            <TextInput
              label="Recall number"
              required
              value={number}
              onChange={(e) => setNumber(e.currentTarget.value)}
              w={180}
            />
            <TextInput
              label="Title"
              required
              value={title}
              onChange={(e) => setTitle(e.currentTarget.value)}
              w={340}
            />
            <Select
              label="Class"
              required
              allowDeselect={false}
              data={['I', 'II', 'III'].map((c) => ({ value: c, label: `Class ${c}` }))}
              value={recallClass}
              onChange={(v) => setRecallClass((v ?? 'I') as RecallClass)}
              w={130}
            />
            <TextInput
              label="Source (manufacturer)"
              required
              value={source}
              onChange={(e) => setSource(e.currentTarget.value)}
              w={240}
            />
          </Group>
          <Group align="flex-end" wrap="wrap">
            <TextInput
              label="GTINs"
              description="Comma-separated"
              required
              value={gtins}
              onChange={(e) => setGtins(e.currentTarget.value)}
              w={300}
            />
            <TextInput
              label="Lot codes"
              description="Comma-separated, or tick Every lot"
              disabled={allLots}
              value={lots}
              onChange={(e) => setLots(e.currentTarget.value)}
              w={300}
            />
            <Checkbox
              label="Every lot"
              checked={allLots}
              onChange={(e) => setAllLots(e.currentTarget.checked)}
              mb={8}
            />
          </Group>
          <Textarea
            label="What the stockrooms must do"
            required
            autosize
            minRows={2}
            value={instructions}
            onChange={(e) => setInstructions(e.currentTarget.value)}
          />
          <Group>
            <Button type="submit" loading={busy}>
              Enter recall
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
