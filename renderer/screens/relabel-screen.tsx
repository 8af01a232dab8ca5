import {
  Alert,
  Button,
  Group,
  NumberInput,
  SegmentedControl,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useMemo, useState } from 'react';
import {
  relabelContent,
  zplLabel,
  type LabelSymbology,
  type RelabelContent,
} from '../../shared/labels';
import { RELABEL_REASONS, can, type LabelOutput, type RelabelReason } from '../../shared/model';
import { announceRecorded } from '../app/announce-recorded';
import { useDeviceSettings } from '../app/device-settings';
import { downloadFile } from '../app/download-file';
import { localToday, useServices } from '../app/services';
import { useStockData } from '../app/stock-data';
import { useProductScan } from '../app/use-product-scan';
import { useScanDecision } from '../app/use-scan-decision';
import { ConfirmBar } from '../components/confirm-bar';
import { HardStop } from '../components/hard-stop';
import { ItemCard } from '../components/item-card';
import { ItemSearch } from '../components/item-search';
import { LabelPrinterSetting } from '../components/label-printer-setting';
import { ProblemAlert } from '../components/problem-alert';
import { RelabelPreview } from '../components/relabel-preview';
import { ScanPrompt } from '../components/scan-prompt';
import { StopCancel } from '../components/stop-cancel';
import { beep } from '../scanning/feedback';
import { useSession } from '../session/session-store';
import { printLabelAs } from '../store/label-print-writer';

const REASON_LABELS: Record<RelabelReason, string> = {
  missing: 'Label missing',
  unreadable: 'Label unreadable',
  repackaged: 'Repackaged here',
};

const OUTPUT_WORDS: Record<LabelOutput, string> = {
  'print-dialog': 'Label printed',
  'zpl-file': 'Label file saved',
  'zpl-network': 'Label sent to the printer',
};

/**
 * A replacement GS1 label for a unit whose own is missing or unreadable, or for stock repackaged
 * here: the item's GTIN with the lot and expiry the books hold, drawn for the print dialog, saved as
 * ZPL, or sent to the stockroom's Zebra printer. The writer refuses a recalled or expired unit.
 */
export function RelabelScreen() {
  const { db, deviceId, facilityId, platform } = useServices();
  const user = useSession((s) => s.user);
  const { openNotices } = useStockData();
  const printer = useDeviceSettings((s) => s.labelPrinter);
  const { decisionFor, expiryOf } = useScanDecision('issue');
  const [reason, setReason] = useState<RelabelReason>('unreadable');
  const [symbology, setSymbology] = useState<LabelSymbology>('gs1-datamatrix');
  const [copies, setCopies] = useState<number | ''>(1);
  const [problem, setProblem] = useState<string>();
  const [busy, setBusy] = useState(false);
  const { scan, error, clear, enter } = useProductScan(() => {
    setProblem(undefined);
    beep('ok');
  });
  const item = scan?.item;
  const expiry = scan ? expiryOf(scan) : undefined;
  const decision = scan ? decisionFor(scan) : undefined;
  const made = useMemo(
    () =>
      item
        ? relabelContent(
            { gtin: item.gtins[0] ?? '', lotCode: scan.lotCode, expiry, serial: scan.serial },
            symbology,
          )
        : undefined,
    [item, scan, expiry, symbology],
  );
  // The writer refuses these too; the screen says so at the scan, before anyone reaches for paper.
  const blocked = decision && !decision.allowed ? decision.reasons : undefined;
  const count = copies === '' ? 1 : copies;
  const title = item?.name ?? '';

  const print = async (
    output: LabelOutput,
    deliver: (content: RelabelContent) => Promise<void>,
  ) => {
    if (!item || !scan || busy) return;
    setBusy(true);
    try {
      const result = await printLabelAs(
        db,
        {
          facilityId,
          deviceId,
          actorId: user?.id ?? 'nobody-signed-in',
          now: () => new Date(),
          today: localToday(),
          notices: openNotices,
        },
        {
          itemId: item.id,
          lotCode: scan.lotCode,
          expiry,
          serial: scan.serial,
          symbology,
          output,
          ...(output === 'zpl-network' ? { printer } : {}),
          copies: count,
          reason,
        },
        deliver,
      );
      if (!result.ok) {
        beep(result.code === 'LABEL_UNIT_BLOCKED' ? 'stop' : 'warn');
        setProblem(result.message);
        return;
      }
      setProblem(undefined);
      announceRecorded(
        OUTPUT_WORDS[output],
        `${count} × ${item.name}, lot ${scan.lotCode || '(none)'}${expiry ? `, expires ${expiry}` : ''}`,
      );
      clear();
    } finally {
      setBusy(false);
    }
  };

  const zplOf = (content: RelabelContent) => zplLabel(content, { symbology, copies: count, title });
  const sendToPrinter = platform.sendToLabelPrinter?.bind(platform);

  return (
    <Stack gap="md">
      <Title order={1}>Relabel a unit</Title>
      <ScanPrompt error={error}>
        Scan another unit of the same lot, or find the item below.
      </ScanPrompt>
      {!scan && <ItemSearch onEnter={enter} />}
      {scan && <ItemCard scan={scan} expiry={expiry} decision={decision} hereLocationId={null} />}
      {scan && !item && (
        <Alert color="orange" title="No label for this product" data-testid="relabel-unknown">
          <Text fz="lg">
            The item master does not know this product, so there is no GTIN to print. Ask the centre
            to add it, then relabel the unit.
          </Text>
        </Alert>
      )}
      {item && blocked && (
        <>
          <HardStop title="STOP — no new label for this unit" reasons={blocked} />
          <StopCancel scanKey={scan} onCancel={clear} />
        </>
      )}
      {item && !blocked && (
        <Group align="flex-end">
          <Stack gap={4}>
            <Text fw={500}>Why a new label</Text>
            <SegmentedControl
              size="md"
              value={reason}
              onChange={(v) => setReason(v as RelabelReason)}
              data={RELABEL_REASONS.map((r) => ({ value: r, label: REASON_LABELS[r] }))}
              aria-label="Why a new label"
            />
          </Stack>
          <Stack gap={4}>
            <Text fw={500}>Symbol</Text>
            <SegmentedControl
              size="md"
              value={symbology}
              onChange={(v) => setSymbology(v as LabelSymbology)}
              data={[
                { value: 'gs1-datamatrix', label: 'GS1 DataMatrix' },
                { value: 'gs1-128', label: 'GS1-128' },
              ]}
              aria-label="Symbol"
            />
          </Stack>
          <NumberInput
            label="Copies"
            size="md"
            w={120}
            min={1}
            max={99}
            allowDecimal={false}
            value={copies}
            onChange={(v) => setCopies(v === '' ? '' : Math.max(1, Math.min(99, Number(v))))}
          />
        </Group>
      )}
      {item && !blocked && made && !made.ok && (
        <Alert color="red" title="This label cannot be made" data-testid="relabel-invalid">
          <Text fz="lg">{made.message}</Text>
        </Alert>
      )}
      {item && !blocked && made?.ok && (
        <RelabelPreview title={title} content={made.content} symbology={symbology} copies={count} />
      )}
      <ProblemAlert message={problem} />
      {item && !blocked && made?.ok && (
        <ConfirmBar
          label={count > 1 ? `Print ${count} labels` : 'Print label'}
          color="blue"
          testId="relabel-print"
          scanKey={scan}
          onConfirm={() =>
            void print('print-dialog', async () => {
              window.print();
            })
          }
          onCancel={() => {
            setProblem(undefined);
            clear();
          }}
        >
          <Button
            size="xl"
            variant="light"
            disabled={busy}
            onClick={() =>
              void print('zpl-file', async (content) => {
                downloadFile(
                  `label-${item.id}-${scan.lotCode || 'nolot'}.zpl`,
                  zplOf(content),
                  'application/octet-stream',
                );
              })
            }
            data-testid="relabel-zpl"
          >
            Save ZPL file
          </Button>
          {sendToPrinter && printer && (
            <Button
              size="xl"
              variant="light"
              disabled={busy}
              onClick={() =>
                void print('zpl-network', (content) => sendToPrinter(printer, zplOf(content)))
              }
              data-testid="relabel-send"
            >
              Send to {printer}
            </Button>
          )}
        </ConfirmBar>
      )}
      {user && can(user.role, 'printer.configure') && sendToPrinter && <LabelPrinterSetting />}
    </Stack>
  );
}
