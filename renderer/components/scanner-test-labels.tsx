import { Alert, Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import {
  SCANNER_TEST_LABELS,
  judgeTestScan,
  type ScannerTestLabel,
} from '../scanning/scanner-test-labels';
import { visibleCharacters } from '../scanning/wedge-decoder';

function useSymbol(label: ScannerTestLabel): string | undefined {
  const [src, setSrc] = useState<string>();
  useEffect(() => {
    let live = true;
    // bwip-js is large: it is loaded only where labels are drawn.
    void import('bwip-js/browser').then(({ toSVG }) => {
      const svg = toSVG({ bcid: label.bcid, text: label.text, scale: 3, includetext: false });
      if (live) setSrc(`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`);
    });
    return () => {
      live = false;
    };
  }, [label]);
  return src;
}

function TestLabelCard({ label }: { label: ScannerTestLabel }) {
  const src = useSymbol(label);
  return (
    <Card withBorder padding="md" data-testid={`test-label-${label.id}`}>
      <Stack gap="xs">
        <Title order={3} fz={20}>
          {label.title}
        </Title>
        {src && (
          <img
            src={src}
            alt={`Test barcode: ${label.title}`}
            style={{ maxWidth: '100%', maxHeight: 160, alignSelf: 'flex-start' }}
          />
        )}
        <Text fz="md">{label.checks}</Text>
        <Text fz="md">
          Should arrive as: <code>{visibleCharacters(label.expected)}</code>
        </Text>
      </Stack>
    </Card>
  );
}

/** The result of scanning one of the test labels, in words. */
export function TestScanVerdict({ text }: { text: string | undefined }) {
  const verdict = text === undefined ? undefined : judgeTestScan(text);
  if (!verdict) return null;
  if (verdict.kind === 'match') {
    return (
      <Alert
        color="green"
        title="Scanner set up right"
        data-testid="test-verdict"
        data-kind="match"
      >
        <Text fz="lg">The “{verdict.label.title}” test label arrived exactly as it should.</Text>
      </Alert>
    );
  }
  return (
    <Alert
      color="red"
      title="Scanner needs setting up"
      data-testid="test-verdict"
      data-kind={verdict.kind}
    >
      <Text fz="lg">
        {verdict.kind === 'dropped-separator'
          ? `The “${verdict.label.title}” label arrived without its GS separators: the scanner does not send FNC1. Set it to send GS (ASCII 29), or a stand-in such as <GS> entered below, and scan the label again.`
          : verdict.kind === 'stand-in-separator'
            ? `The “${verdict.label.title}” label arrived with “${verdict.standIn}” where each GS separator belongs: the scanner sends FNC1 as “${verdict.standIn}”. Set it to send GS (ASCII 29), or enter “${verdict.standIn}” below as a stand-in for GS, and scan the label again.`
            : `The “${verdict.label.title}” label arrived differently from what it holds. Compare the characters received with the label's text: a prefix, suffix or keyboard layout setting of the scanner is the usual cause.`}
      </Text>
    </Alert>
  );
}

/** Printable labels to check a scanner's configuration against. */
export function ScannerTestLabels() {
  return (
    <Stack gap="sm" className="print-alone">
      <Group justify="space-between">
        <Title order={2} fz={22}>
          Test labels
        </Title>
        <Button variant="default" className="no-print" onClick={() => window.print()}>
          Print test labels
        </Button>
      </Group>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        {SCANNER_TEST_LABELS.map((label) => (
          <TestLabelCard key={label.id} label={label} />
        ))}
      </SimpleGrid>
    </Stack>
  );
}
