import { ActionIcon, Alert, Card, Group, List, Stack, Table, Text, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import type { SupplyRequest } from '../../shared/model';
import type { ScanReason } from '../../shared/recall/scan-decision';
import { buildPickList, pickFits, type PickListLine } from '../../shared/replenishment/pick-list';
import { announceRecorded } from '../app/announce-recorded';
import { localToday, useServices } from '../app/services';
import { useStockData } from '../app/stock-data';
import { STOCK_PLACES } from '../app/stock-places';
import { useProductScan } from '../app/use-product-scan';
import { beep } from '../scanning/feedback';
import type { ProductScan } from '../scanning/resolve-scan';
import { decide, knownExpiry } from '../scanning/scan-decision';
import { useSession } from '../session/session-store';
import { fulfilRequestAs, type PickedUnits } from '../store/request-fulfilment-writer';
import { ConfirmBar } from './confirm-bar';
import { HardStop } from './hard-stop';
import { ProblemAlert } from './problem-alert';
import { SubstitutionPanel } from './substitution-panel';
import { ScanPrompt } from './scan-prompt';

const keyOf = (p: Pick<PickedUnits, 'itemId' | 'locationId' | 'lotCode'>) =>
  `${p.itemId}|${p.locationId}|${p.lotCode}`;

function totalsOf(picked: readonly PickedUnits[]): Map<string, number> {
  const totals = new Map<string, number>();
  for (const p of picked) totals.set(p.itemId, (totals.get(p.itemId) ?? 0) + p.quantity);
  return totals;
}

/**
 * Picking one request at the shelves: the lots to take in FEFO order, each scan checked against
 * the request (item on it, no more than outstanding) and against the same recall and expiry stops
 * as an issue, then one confirmation that issues the units to the department and ships them.
 */
export function PickPanel({ request, onDone }: { request: SupplyRequest; onDone: () => void }) {
  const { db, deviceId, facilityId } = useServices();
  const data = useStockData();
  const user = useSession((s) => s.user);
  const [picked, setPicked] = useState<PickedUnits[]>([]);
  const [stop, setStop] = useState<{ lot: string; reasons: readonly ScanReason[] }>();
  const [problem, setProblem] = useState<string>();
  const [busy, setBusy] = useState(false);
  const { locationById } = data;
  const isStockPlace = useMemo(
    () => (locationId: string) => {
      const kind = locationById.get(locationId)?.kind;
      return kind !== undefined && kind !== 'quarantine' && STOCK_PLACES.includes(kind);
    },
    [locationById],
  );
  const lines = useMemo(
    () => buildPickList(request, data.balances, data.today, data.isRecalled, isStockPlace),
    [request, data.balances, data.today, data.isRecalled, isStockPlace],
  );
  const totals = totalsOf(picked);
  const itemName = (id: string) => data.itemById.get(id)?.name ?? id;
  const placeName = (id: string) => data.locationById.get(id)?.name ?? id;

  /** Where a scanned lot is taken from: the pick list's place for it, else where it has stock. */
  const sourceOf = (line: PickListLine | undefined, scan: ProductScan) => {
    const suggested = line?.picks.find((p) => p.lotCode === scan.lotCode);
    if (suggested) return suggested.locationId;
    return data.balances.find(
      (b) =>
        b.itemId === scan.item?.id &&
        b.lotCode === scan.lotCode &&
        b.onHand - b.quarantined > 0 &&
        isStockPlace(b.locationId),
    )?.locationId;
  };

  const onScan = (scan: ProductScan) => {
    setProblem(undefined);
    setStop(undefined);
    const item = scan.item;
    if (!item) {
      beep('warn');
      return setProblem('This product is not in the item master, so it cannot be on the request.');
    }
    const line = lines.find((l) => l.itemId === item.id);
    const quantity = scan.quantity ?? 1;
    const fits = pickFits(lines, totals, item.id, quantity);
    if (!fits.ok) {
      beep('warn');
      return setProblem(`${item.name}: ${fits.message}`);
    }
    const locationId = sourceOf(line, scan);
    const location = locationId ? data.locationById.get(locationId) : undefined;
    const input = {
      scan,
      today: data.today,
      notices: data.openNotices,
      balances: data.balances,
      ...(location ? { location } : {}),
    };
    // The recall and expiry STOP first: a run-on lot from a scanner that dropped its separator is
    // on no shelf, and must be named for what it is, not as stock that is merely missing.
    const decision = decide(input, 'issue');
    if (decision && !decision.allowed) {
      beep('stop');
      return setStop({ lot: scan.lotCode, reasons: decision.reasons });
    }
    if (!locationId) {
      beep('warn');
      return setProblem(
        `Lot ${scan.lotCode || '(none)'} of ${item.name} has no usable stock on the books here. Take a lot from the pick list.`,
      );
    }
    beep('ok');
    const expiry = knownExpiry(input);
    const units: PickedUnits = {
      itemId: item.id,
      locationId,
      lotCode: scan.lotCode,
      ...(expiry ? { expiry } : {}),
      ...(scan.serial ? { serial: scan.serial } : {}),
      quantity,
    };
    setPicked((before) => {
      const same = before.find((p) => keyOf(p) === keyOf(units) && !p.serial && !units.serial);
      return same
        ? before.map((p) => (p === same ? { ...p, quantity: p.quantity + quantity } : p))
        : [...before, units];
    });
  };
  const { error } = useProductScan(onScan);

  const issueAndShip = async () => {
    if (busy || !user) return;
    setBusy(true);
    try {
      const done = await fulfilRequestAs(
        db,
        {
          facilityId,
          deviceId,
          actorId: user.id,
          now: () => new Date(),
          today: localToday(),
          isRecalled: data.isRecalled,
          acceptWarnings: true,
        },
        request.id,
        lines,
        picked,
      );
      if (!done.ok) {
        beep('warn');
        return setProblem(done.message);
      }
      const count = picked.reduce((sum, p) => sum + p.quantity, 0);
      announceRecorded(
        'Issued and shipped',
        `${count} unit${count === 1 ? '' : 's'} to ${placeName(request.locationId)} for request ${request.id}.`,
      );
      onDone();
    } finally {
      setBusy(false);
    }
  };

  const count = picked.reduce((sum, p) => sum + p.quantity, 0);
  return (
    <Card withBorder padding="lg" data-testid="pick-panel">
      <Stack gap="md">
        <Title order={2} fz={24}>
          Picking for {placeName(request.locationId)} · {request.priority.toUpperCase()}
        </Title>
        <ScanPrompt error={error}>Scan each unit as you take it off the shelf.</ScanPrompt>
        {/* A substitute waiting for the ward is not on the pick list: it shows here, undecidable. */}
        <SubstitutionPanel request={request} person={undefined} />
        <Table striped fz="lg" data-testid="pick-list">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Item</Table.Th>
              <Table.Th>Still needed</Table.Th>
              <Table.Th>Picked</Table.Th>
              <Table.Th>Take (earliest expiry first)</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {lines.map((line) => (
              <Table.Tr key={line.itemId} data-testid="pick-line">
                <Table.Td>{itemName(line.itemId)}</Table.Td>
                <Table.Td>{line.outstanding}</Table.Td>
                <Table.Td>
                  <Text
                    fw={700}
                    c={(totals.get(line.itemId) ?? 0) >= line.outstanding ? 'green.9' : 'gray.8'}
                    style={{ whiteSpace: 'nowrap' }}
                  >
                    {totals.get(line.itemId) ?? 0} of {line.outstanding}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <List size="md" spacing={2}>
                    {line.picks.map((p) => (
                      <List.Item key={keyOf(p)}>
                        {p.quantity} × lot {p.lotCode || '(none)'} at {placeName(p.locationId)}
                        {p.expiry ? ` · expires ${p.expiry}` : ''}
                      </List.Item>
                    ))}
                  </List>
                  {line.shortfall > 0 && (
                    <Text c="red.9" fw={700} data-testid="pick-short">
                      Short by {line.shortfall}: no more usable stock here.
                    </Text>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {stop && (
          <HardStop
            title={`STOP — do not pick lot ${stop.lot || '(none)'}`}
            reasons={stop.reasons}
          />
        )}
        <ProblemAlert message={problem} />
        {picked.length > 0 && (
          <Stack gap="xs" data-testid="picked">
            <Text fw={700} fz="lg">
              Picked
            </Text>
            {picked.map((p) => (
              <Group key={`${keyOf(p)}|${p.serial ?? ''}`} gap="sm">
                <Text fz="lg">
                  {p.quantity} × {itemName(p.itemId)} · lot {p.lotCode || '(none)'} from{' '}
                  {placeName(p.locationId)}
                  {p.serial ? ` · serial ${p.serial}` : ''}
                </Text>
                <ActionIcon
                  variant="default"
                  aria-label={`Put back ${itemName(p.itemId)} lot ${p.lotCode}`}
                  onClick={() => setPicked((before) => before.filter((q) => q !== p))}
                >
                  ×
                </ActionIcon>
              </Group>
            ))}
          </Stack>
        )}
        {lines.every((l) => l.outstanding === 0) && (
          <Alert color="green">Every line of this request has been shipped.</Alert>
        )}
        <ConfirmBar
          label={count > 0 ? `Issue ${count} and ship` : 'Issue and ship'}
          color="blue"
          testId="pick-ship"
          scanKey={picked}
          onConfirm={() => void issueAndShip()}
          onCancel={onDone}
        />
      </Stack>
    </Card>
  );
}
