import { stockEventAct } from '../../../shared/permissions';
import { encodeGs1ElementString, gtinCheckDigit } from '../../../shared/barcode';
import type { Item, StockEvent, StockEventType } from '../../../shared/model';
import { createPrng, type Prng } from '../lib/prng';

/** How many people the ledger names at each facility; bench-staff.ts sets them up at the centre. */
export const BENCH_PEOPLE = 12;

/**
 * The n-th person of a facility's stockroom. Staff belong to their own facility, as they would in a
 * network: a person may be given at most 100 facilities, and the fan-out bench runs 500.
 */
export const benchPersonId = (facilityId: string, n: number) => `USR-${n}-${facilityId}`;

/**
 * A facility's ledger of the size the figures name (200,000 events, 5,000 items, 20 locations),
 * seeded so every run stores the same documents. Issues never take more than is on the shelf, so
 * the fold sees a plausible ledger rather than a wall of anomalies.
 */

export interface LedgerShape {
  facilityId: string;
  items: number;
  locations: number;
  lotsPerItem: number;
  events: number;
  deviceIds: readonly string[];
  /** First event's device time; each later event is 20 s on. */
  startMs: number;
  seed: number;
}

export const FACILITY = 'FAC-BENCH';

export const itemId = (i: number) => `ITM-${String(i).padStart(5, '0')}`;
export const locationId = (l: number) => `LOC-${String(l).padStart(2, '0')}`;
export const lotCodeOf = (item: number, lot: number) =>
  `L${String(item).padStart(5, '0')}${String.fromCharCode(65 + lot)}`;

export function gtinOf(item: number): string {
  const body = `0950400${String(item).padStart(6, '0')}`;
  return `${body}${gtinCheckDigit(body)}`;
}

export function expiryOf(item: number, lot: number): string {
  const year = 2027 + ((item + lot) % 4);
  const month = String(1 + ((item * 7 + lot) % 12)).padStart(2, '0');
  return `${year}-${month}-28`;
}

export function benchItems(count: number): Item[] {
  return Array.from({ length: count }, (_, i) => ({
    id: itemId(i),
    name: `Bench item ${i}`,
    gtins: [gtinOf(i)],
    hibccCodes: [],
    catalogNumber: `CAT-${i}`,
    manufacturer: 'Bench Medical',
    unit: 'each',
    orderMultiple: [1, 5, 10, 50][i % 4]!,
    unitCost: 1 + (i % 50),
    lotTracked: true,
    serialTracked: false,
    status: 'active',
  }));
}

const MIX: readonly (readonly [StockEventType, number])[] = [
  ['receive', 28],
  ['issue', 45],
  ['transfer', 10],
  ['count', 6],
  ['return', 5],
  ['waste', 3],
  ['quarantine', 3],
];

function scanOf(item: number, lot: number): string {
  const expiry = expiryOf(item, lot).replaceAll('-', '').slice(2);
  return `]d2${encodeGs1ElementString([
    { ai: '01', value: gtinOf(item) },
    { ai: '17', value: expiry },
    { ai: '10', value: lotCodeOf(item, lot) },
  ])}`;
}

/** Generates events lazily, so 200,000 of them can stream into a store without a second copy. */
export function* stockLedger(shape: LedgerShape): Generator<StockEvent> {
  const prng: Prng = createPrng(shape.seed);
  const onHand = new Map<string, number>();
  const seqs = new Map<string, number>();
  for (let n = 0; n < shape.events; n++) {
    const item = prng.int(0, shape.items - 1);
    const lot = prng.int(0, shape.lotsPerItem - 1);
    const location = prng.int(0, shape.locations - 1);
    const key = `${location}/${item}/${lot}`;
    const have = onHand.get(key) ?? 0;
    let type = prng.weighted(MIX);
    if (type !== 'receive' && type !== 'return' && have < 2) type = 'receive';
    const deviceId = shape.deviceIds[n % shape.deviceIds.length]!;
    const deviceSeq = (seqs.get(deviceId) ?? 0) + 1;
    seqs.set(deviceId, deviceSeq);
    const quantity =
      type === 'receive'
        ? prng.int(10, 200)
        : type === 'count'
          ? 0
          : prng.int(1, Math.min(have, 20));
    const event: StockEvent = {
      id: `EVT-${deviceId}-${deviceSeq}`,
      facilityId: shape.facilityId,
      deviceId,
      deviceSeq,
      actorId: benchPersonId(shape.facilityId, n % BENCH_PEOPLE),
      occurredAt: new Date(shape.startMs + n * 20_000).toISOString(),
      type,
      itemId: itemId(item),
      lotCode: lotCodeOf(item, lot),
      expiry: expiryOf(item, lot),
      locationId: locationId(location),
      quantity,
    };
    let next = have;
    if (type === 'receive' || type === 'return') next += quantity;
    if (type === 'issue' || type === 'waste') next -= quantity;
    if (type === 'issue' || type === 'return') event.toLocationId = `DEPT-${item % 9}`;
    if (type === 'receive' || type === 'issue') event.scan = scanOf(item, lot);
    if (type === 'transfer') {
      event.toLocationId = locationId((location + 1) % shape.locations);
      next -= quantity;
      const toKey = `${(location + 1) % shape.locations}/${item}/${lot}`;
      onHand.set(toKey, (onHand.get(toKey) ?? 0) + quantity);
    }
    if (type === 'waste') event.reason = 'damaged';
    if (type === 'quarantine') event.reason = 'hold';
    if (type === 'count') {
      event.expectedQuantity = have;
      event.countedQuantity = Math.max(0, have - prng.int(0, 1));
      next = event.countedQuantity;
      // Beyond the tolerance a second person confirms, as the PC's writer demands.
      if (stockEventAct(event).needsSecond)
        event.approvedBy = benchPersonId(shape.facilityId, (n + 1) % BENCH_PEOPLE);
    }
    onHand.set(key, next);
    yield event;
  }
}

export function defaultLedgerShape(
  events: number,
  overrides: Partial<LedgerShape> = {},
): LedgerShape {
  return {
    facilityId: FACILITY,
    items: 5_000,
    locations: 20,
    lotsPerItem: 4,
    events,
    deviceIds: ['DEV-A', 'DEV-B', 'DEV-C'],
    startMs: Date.UTC(2025, 0, 1),
    seed: 7,
    ...overrides,
  };
}
