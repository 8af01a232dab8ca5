import type { StockEvent } from '../../../shared/model';
import { DEMO_FACILITY, DEMO_LOTS } from '../../../renderer/seed/demo-catalogue';
import { addDays } from '../../../renderer/seed/demo-labels';
import { DEMO_PEOPLE } from '../../../renderer/seed/demo-people';
import { createPrng } from '../lib/prng';

/**
 * Years of history for the demo stockroom, so the browser figures run against a store of the size
 * the issue names (200,000 events) holding the facility's own items, lots and shelves: the
 * balances stay a few hundred, as the app's projection is designed for. The lot scanned by figure 2
 * gets a large final receipt so its issues never run dry.
 */
const SHELVES = ['LOC-A1', 'LOC-A2', 'LOC-A3', 'LOC-MAIN'];
export const BENCH_LOT = 'IVC2611A';

export function demoHistory(count: number, today: string, seed = 29): StockEvent[] {
  const prng = createPrng(seed);
  const onHand = new Map<string, number>();
  const events: StockEvent[] = [];
  const start = Date.parse(`${addDays(today, -730)}T06:00:00Z`);
  const step = (730 * 86_400_000) / (count + 1);
  const actors = DEMO_PEOPLE.map((p) => p.id);
  for (let n = 0; n < count; n++) {
    const lot = prng.pick(DEMO_LOTS);
    const location = prng.chance(0.8) ? lot.locationId : prng.pick(SHELVES);
    const key = `${location}|${lot.lotCode}`;
    const have = onHand.get(key) ?? 0;
    let type: StockEvent['type'] = prng.weighted([
      ['receive', 25],
      ['issue', 55],
      ['transfer', 10],
      ['count', 10],
    ] as const);
    if (type !== 'receive' && have < 2) type = 'receive';
    const quantity =
      type === 'receive'
        ? prng.int(10, 100)
        : type === 'count'
          ? 0
          : prng.int(1, Math.min(have, 10));
    const deviceSeq = Math.floor(n / 2) + 1;
    const event: StockEvent = {
      id: `EVT-HIST-${n}`,
      facilityId: DEMO_FACILITY,
      deviceId: `DEV-HIST-${n % 2}`,
      deviceSeq,
      actorId: actors[n % actors.length]!,
      occurredAt: new Date(start + n * step).toISOString(),
      type,
      itemId: lot.itemId,
      lotCode: lot.lotCode,
      expiry: addDays(today, lot.expiresInDays),
      locationId: location,
      quantity,
    };
    let next = have;
    if (type === 'receive') next += quantity;
    if (type === 'issue') {
      next -= quantity;
      event.toLocationId = prng.pick(['DEP-ICU', 'DEP-ED', 'DEP-4B']);
    }
    if (type === 'transfer') {
      const to = prng.pick(SHELVES.filter((s) => s !== location));
      event.toLocationId = to;
      next -= quantity;
      onHand.set(`${to}|${lot.lotCode}`, (onHand.get(`${to}|${lot.lotCode}`) ?? 0) + quantity);
    }
    if (type === 'count') {
      event.expectedQuantity = have;
      event.countedQuantity = have;
      next = have;
    }
    onHand.set(key, next);
    events.push(event);
  }
  const lot = DEMO_LOTS.find((l) => l.lotCode === BENCH_LOT)!;
  events.push({
    id: 'EVT-HIST-STOCK',
    facilityId: DEMO_FACILITY,
    deviceId: 'DEV-HIST-0',
    deviceSeq: count,
    actorId: actors[0]!,
    occurredAt: new Date(start + count * step).toISOString(),
    type: 'receive',
    itemId: lot.itemId,
    lotCode: lot.lotCode,
    expiry: addDays(today, lot.expiresInDays),
    locationId: lot.locationId,
    quantity: 100_000,
  });
  return events;
}
