import type { Balance } from '../../../shared/inventory';
import type { ParLevel, SupplyRequest } from '../../../shared/model';
import { createPrng } from '../lib/prng';
import { FACILITY, itemId, locationId, lotCodeOf, expiryOf } from './stock-ledger';

/** Par levels for every item at every location, balances for two lots of each, open requests. */
export interface ReplenishmentSet {
  parLevels: ParLevel[];
  balances: Balance[];
  requests: SupplyRequest[];
}

export function buildReplenishmentSet(
  items: number,
  locations: number,
  seed = 11,
): ReplenishmentSet {
  const prng = createPrng(seed);
  const parLevels: ParLevel[] = [];
  const balances: Balance[] = [];
  for (let i = 0; i < items; i++) {
    for (let l = 0; l < locations; l++) {
      const base = { facilityId: FACILITY, locationId: locationId(l), itemId: itemId(i) };
      const id = `PAR-${i}-${l}`;
      const roll = prng.next();
      if (roll < 0.7) {
        const par = prng.int(20, 500);
        parLevels.push({ id, ...base, method: 'par', par, reorderPoint: Math.floor(par * 0.6) });
      } else if (roll < 0.95) {
        const min = prng.int(5, 100);
        parLevels.push({ id, ...base, method: 'min-max', min, max: min + prng.int(10, 300) });
      } else {
        parLevels.push({ id, ...base, method: 'two-bin', binQuantity: prng.int(10, 100) });
      }
      for (let lot = 0; lot < 2; lot++) {
        balances.push({
          locationId: base.locationId,
          itemId: base.itemId,
          lotCode: lotCodeOf(i, lot),
          expiry: expiryOf(i, lot),
          onHand: prng.int(0, 300),
          quarantined: prng.chance(0.02) ? 1 : 0,
          lastEventId: `EVT-${i}-${l}-${lot}`,
          lastOccurredAt: '2026-11-01T08:00:00.000Z',
        });
      }
    }
  }
  const requests: SupplyRequest[] = Array.from({ length: 2_000 }, (_, r) => ({
    id: `REQ-${r}`,
    facilityId: FACILITY,
    kind: 'replenishment',
    priority: 'routine',
    locationId: locationId(r % locations),
    reason: 'Par review',
    lines: Array.from({ length: 5 }, () => ({
      itemId: itemId(prng.int(0, items - 1)),
      quantity: prng.int(1, 100),
    })),
    status: prng.pick(['submitted', 'approved', 'ordered', 'shipped', 'received'] as const),
    history: [{ status: 'draft', at: '2026-11-01T08:00:00Z', by: 'USR-1' }],
    createdBy: 'USR-1',
    createdAt: '2026-11-01T08:00:00Z',
  }));
  return { parLevels, balances, requests };
}
