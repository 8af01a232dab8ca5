import { Button, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { parsePrinterAddress } from '../../shared/labels';
import { useDeviceSettings } from '../app/device-settings';

/**
 * The stockroom's Zebra printer, set by an admin on this PC: the address is checked as it is saved
 * (host and port only), and an empty field removes the printer.
 */
export function LabelPrinterSetting() {
  const saved = useDeviceSettings((s) => s.labelPrinter);
  const update = useDeviceSettings((s) => s.update);
  const [text, setText] = useState(saved);
  const [problem, setProblem] = useState<string>();
  const save = () => {
    if (text.trim() === '') {
      update({ labelPrinter: '' });
      setProblem(undefined);
      return;
    }
    const address = parsePrinterAddress(text);
    if (!address.ok) return setProblem(address.message);
    update({ labelPrinter: address.text });
    setText(address.text);
    setProblem(undefined);
  };
  return (
    <Paper withBorder p="md" data-testid="label-printer-setting">
      <Stack gap="sm">
        <Title order={2} fz={20}>
          Label printer (admin)
        </Title>
        <Text>
          {saved
            ? `Labels can be sent to ${saved}.`
            : 'No label printer is set: labels go to the print dialog or a ZPL file.'}
        </Text>
        <Group align="flex-end">
          <TextInput
            label="Zebra printer address"
            description="Name or IP address, with :port if not 9100; empty to remove"
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
            error={problem}
            maxLength={260}
          />
          <Button onClick={save}>Save printer</Button>
        </Group>
      </Stack>
    </Paper>
  );
}
