import {
  Code,
  Group,
  NumberInput,
  Paper,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useEffect, useState } from 'react';
import { parseScan } from '../../shared/barcode/parse-scan';
import { useDeviceSettings } from '../app/device-settings';
import { useScanBus, useScans } from '../app/scan-bus';
import { useStockData } from '../app/stock-data';
import { ParsedScanTable } from '../components/parsed-scan-table';
import { ScannerTestLabels, TestScanVerdict } from '../components/scanner-test-labels';
import { visibleCharacters } from '../scanning/wedge-decoder';

/**
 * For whoever sets up a scanner: what arrived, character by character (GS shown as ‹GS›), and what
 * the parser made of it. Most scanner faults (a dropped GS, a suffix) are visible here at once.
 */
export function ScannerSetupScreen() {
  const { today } = useStockData();
  const settings = useDeviceSettings();
  const last = useScanBus((s) => s.last);
  // Scans stay on this screen: nothing else should act on a test scan.
  useScans(() => undefined);
  // Start clean: the last scan before this screen may be someone's badge.
  useEffect(() => useScanBus.setState({ last: undefined }), []);
  const parsed = last ? parseScan(last.text, { today }) : undefined;
  const wedge = settings.wedge;
  // The text as typed (a trailing space included); the settings keep the parsed list.
  const [standIns, setStandIns] = useState(wedge.replacements.join(' '));
  return (
    <Stack gap="md">
      <Title order={1}>Scanner set-up</Title>
      <Paper withBorder p="md">
        <Text fz="xl" fw={600}>
          Scan any label with the handheld scanner or the camera.
        </Text>
      </Paper>
      <Table fz="lg" aria-label="Last scan">
        <Table.Tbody>
          <Table.Tr>
            <Table.Th>Source</Table.Th>
            <Table.Td data-testid="setup-source">{last?.source ?? '—'}</Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th>Characters received</Table.Th>
            <Table.Td>
              <Code fz="lg" style={{ wordBreak: 'break-all' }} data-testid="setup-raw">
                {last ? visibleCharacters(last.raw) : '—'}
              </Code>
            </Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th>After separator replacement</Table.Th>
            <Table.Td>
              <Code fz="lg" style={{ wordBreak: 'break-all' }} data-testid="setup-text">
                {last ? visibleCharacters(last.text) : '—'}
              </Code>
            </Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th>Length · time</Table.Th>
            <Table.Td>
              {last
                ? `${[...last.raw].length} characters in ${Math.round(last.durationMs)} ms`
                : '—'}
            </Table.Td>
          </Table.Tr>
        </Table.Tbody>
      </Table>
      <TestScanVerdict text={last?.text} />
      <Title order={2} fz={22}>
        What the parser made of it
      </Title>
      <ParsedScanTable parsed={parsed} />
      <Code
        block
        fz="md"
        data-testid="setup-parsed"
        tabIndex={0}
        aria-label="The parser's full answer (scroll with the arrow keys)"
        style={{ maxHeight: 240, overflow: 'auto' }}
      >
        {parsed ? JSON.stringify(parsed, null, 2) : 'Nothing scanned yet.'}
      </Code>
      <ScannerTestLabels />
      <Title order={2} fz={22}>
        This PC's scanner settings
      </Title>
      <Group grow align="flex-end">
        <NumberInput
          label="Longest pause inside a scan (ms)"
          size="lg"
          min={10}
          max={500}
          value={wedge.maxGapMs}
          onChange={(v) =>
            settings.update({ wedge: { ...wedge, maxGapMs: Number(v) || wedge.maxGapMs } })
          }
        />
        <NumberInput
          label="Shortest scan (characters)"
          size="lg"
          min={2}
          max={40}
          value={wedge.minLength}
          onChange={(v) =>
            settings.update({ wedge: { ...wedge, minLength: Number(v) || wedge.minLength } })
          }
        />
        <TextInput
          label="Stand-ins for GS (space separated)"
          size="lg"
          value={standIns}
          onChange={(e) => {
            const text = e.currentTarget.value;
            setStandIns(text);
            settings.update({ wedge: { ...wedge, replacements: text.split(' ').filter(Boolean) } });
          }}
        />
      </Group>
      <NumberInput
        label="Lock the screen after (seconds without activity)"
        size="lg"
        min={5}
        max={3600}
        value={settings.lockAfterSeconds}
        onChange={(v) =>
          settings.update({ lockAfterSeconds: Number(v) || settings.lockAfterSeconds })
        }
        w={420}
      />
    </Stack>
  );
}
