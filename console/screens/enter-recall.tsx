import {
  Button,
  Checkbox,
  Group,
  Paper,
  Select,
  Stack,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { useRef, useState, type FormEvent } from 'react';
import type { RecallClass } from '../../shared/model';
import { consoleApi } from '../api/calls';
import type { ApiError } from '../api/http';
import { Problem } from '../components/problem';
import { TONE } from '../components/tones';

const list = (text: string) =>
  text
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean);

const BLANK = {
  id: '',
  number: '',
  title: '',
  recallClass: 'I' as RecallClass,
  source: '',
  gtins: '',
  lots: '',
  allLots: false,
  instructions: '',
};
type RecallForm = typeof BLANK;
type TextField = Exclude<keyof RecallForm, 'recallClass' | 'allLots'>;

/**
 * A recall notice typed in by a buyer, for a network without an ERP connection. The endpoint checks
 * it exactly as it checks the ERP's (and names the field it refuses).
 */
export function EnterRecall({ onEntered }: { onEntered: () => void }) {
  const [form, setForm] = useState<RecallForm>(BLANK);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<ApiError>();
  const [entered, setEntered] = useState<string>();
  const firstField = useRef<HTMLInputElement>(null);
  const set = <K extends keyof RecallForm>(name: K, value: RecallForm[K]) =>
    setForm((now) => ({ ...now, [name]: value }));
  const text = (name: TextField) => ({
    value: form[name],
    onChange: (e: { currentTarget: { value: string } }) => set(name, e.currentTarget.value),
  });
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setProblem(undefined);
    setEntered(undefined);
    const now = new Date().toISOString();
    const number = form.number.trim();
    try {
      await consoleApi.enterRecall({
        id: form.id.trim(),
        number,
        title: form.title.trim(),
        class: form.recallClass,
        source: form.source.trim(),
        issuedAt: now,
        effectiveAt: now,
        status: 'open',
        gtins: list(form.gtins),
        hibccCodes: [],
        itemIds: [],
        catalogNumbers: [],
        allLots: form.allLots,
        lotCodes: form.allLots ? [] : list(form.lots),
        lotRanges: [],
        serials: [],
        instructions: form.instructions.trim(),
      });
      // Everything starts over, Class and "Every lot" too: the next recall is not the last one's.
      setForm(BLANK);
      setEntered(`Recall ${number} entered: every stockroom gets it at its next sync.`);
      firstField.current?.focus();
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
          {/* Always there, so a screen reader hears the sentence when it arrives. */}
          <Text role="status" c={TONE.ok} fw={600} data-testid="recall-entered">
            {entered}
          </Text>
          <Group align="flex-end" wrap="wrap">
            <TextInput ref={firstField} label="Notice id" required {...text('id')} w={180} />
            <TextInput label="Recall number" required {...text('number')} w={180} />
            <TextInput label="Title" required {...text('title')} w={340} />
            <Select
              label="Class"
              required
              allowDeselect={false}
              data={['I', 'II', 'III'].map((c) => ({ value: c, label: `Class ${c}` }))}
              value={form.recallClass}
              onChange={(v) => set('recallClass', (v ?? 'I') as RecallClass)}
              w={130}
            />
            <TextInput label="Source (manufacturer)" required {...text('source')} w={240} />
          </Group>
          <Group align="flex-end" wrap="wrap">
            <TextInput
              label="GTINs"
              description="Comma-separated"
              required
              {...text('gtins')}
              w={300}
            />
            <TextInput
              label="Lot codes"
              description="Comma-separated, or tick Every lot"
              disabled={form.allLots}
              {...text('lots')}
              w={300}
            />
            <Checkbox
              label="Every lot"
              checked={form.allLots}
              onChange={(e) => set('allLots', e.currentTarget.checked)}
              mb={8}
            />
          </Group>
          <Textarea
            label="What the stockrooms must do"
            required
            autosize
            minRows={2}
            {...text('instructions')}
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
