import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { StockEvent } from '../../shared/model';
import {
  cancelledEvents,
  flagIssuedLots,
  indexStock,
  matchStock,
  recalledLotIndex,
} from '../../shared/recall';
import { BARE, CATHETER, GAUZE, balance, event, notice } from '../fixtures/recall/notices';

/**
 * The sweeps pass over what cannot concern the notice before building anything: matchStock
 * indexes only the notice's products, flagIssuedLots skips issues of other items, and the
 * reversal-cycle walk looks only at reversals. These properties hold each short cut to the full
 * computation it replaces.
 */

const ITEMS = [CATHETER, GAUZE];
const lotCode = fc.constantFrom('ABC123', 'ABC124', ' abc123', 'L1', 'ABC128', '', 'XYZ');

const noticeArb = fc.record({
  lotCodes: fc.subarray(['ABC123', 'ABC124', 'L1']),
  itemIds: fc.subarray(['ITM-2002', 'ITM-GHOST']),
  allLots: fc.boolean(),
  expiryTo: fc.option(fc.constantFrom('2026-06-30', '2027-12-31'), { nil: undefined }),
  status: fc.constantFrom('open', 'open', 'terminated' as const),
});

const balanceArb = fc.record({
  locationId: fc.constantFrom('LOC-A1', 'LOC-B2', 'LOC-C3'),
  itemId: fc.constantFrom(CATHETER.id, GAUZE.id, 'ITM-GHOST', 'ITM-OTHER'),
  lotCode,
  expiry: fc.option(fc.constantFrom('2026-05-01', '2027-01-01', '2028-01-01'), { nil: undefined }),
  onHand: fc.integer({ min: -3, max: 20 }),
  quarantined: fc.integer({ min: 0, max: 5 }),
});

describe('recall sweeps: short cuts equal the full computation (properties)', () => {
  it('matchStock on balances equals matchStock on the index of every balance', () => {
    fc.assert(
      fc.property(noticeArb, fc.array(balanceArb, { maxLength: 30 }), (n, rows) => {
        const recall = notice({ ...BARE, ...n });
        const balances = rows.map(({ expiry, ...b }) =>
          balance(expiry === undefined ? b : { ...b, expiry }),
        );
        expect(matchStock(recall, balances, ITEMS)).toEqual(
          matchStock(recall, indexStock(balances), ITEMS),
        );
      }),
      { numRuns: 500 },
    );
  });

  it('the index answers namesItem exactly for the items lookup can find', () => {
    fc.assert(
      fc.property(noticeArb, balanceArb, (n, unit) => {
        const index = recalledLotIndex([notice({ ...BARE, ...n })], ITEMS);
        const found = index.lookup(unit.itemId, unit.lotCode, undefined, unit.expiry);
        if (!index.namesItem(unit.itemId)) {
          expect(found).toEqual({ recalled: [], cannotTell: [] });
        }
        expect(index.namesItem(unit.itemId)).toBe(index.noticesFor(unit.itemId).length > 0);
      }),
    );
  });

  it('cancelledEvents equals the walk over every event, chains and cycles included', () => {
    // Event ids are unique in a ledger (the store's primary key); `reverses` may name any id,
    // one that is missing too.
    const ids = ['E1', 'E2', 'E3', 'E4', 'E5', 'E6', 'E7', 'E8'];
    const eventArb = fc.record({
      id: fc.constantFrom(...ids),
      type: fc.constantFrom('issue', 'reversal', 'reversal', 'receive' as const),
      reverses: fc.option(fc.constantFrom(...ids, 'E-MISSING'), { nil: undefined }),
    });
    fc.assert(
      fc.property(fc.uniqueArray(eventArb, { maxLength: 8, selector: (e) => e.id }), (rows) => {
        const events = rows.map(({ reverses, ...e }) =>
          event(reverses === undefined ? e : { ...e, reverses }),
        );
        expect([...cancelledEvents(events)]).toEqual([...cancelledEventsByFullWalk(events)]);
      }),
      { numRuns: 1000 },
    );
  });

  it('flagIssuedLots flags the same issues with and without issues of other items', () => {
    const issueArb = fc.record({
      itemId: fc.constantFrom(CATHETER.id, GAUZE.id, 'ITM-OTHER'),
      lotCode,
      occurredAt: fc.constantFrom('2026-10-01T08:00:00Z', '2026-11-05T08:00:00Z'),
    });
    fc.assert(
      fc.property(noticeArb, fc.array(issueArb, { maxLength: 20 }), (n, rows) => {
        const recall = notice({ ...BARE, ...n });
        const events = rows.map((r) => event({ type: 'issue', quantity: 1, ...r }));
        const named = recalledLotIndex([recall], ITEMS);
        const theirs = events.filter((e) => named.namesItem(e.itemId));
        expect(flagIssuedLots(events, [recall], ITEMS)).toEqual(
          flagIssuedLots(theirs, [recall], ITEMS),
        );
      }),
      { numRuns: 300 },
    );
  });
});

/** The cycle walk as it was before it looked at reversals only: every event, a map of them all. */
function cancelledEventsByFullWalk(events: readonly StockEvent[]): Map<string, string> {
  const byId = new Map(events.map((e) => [e.id, e]));
  const inert = new Set<string>();
  for (const start of events) {
    const seen = new Set<string>();
    let current: StockEvent | undefined = start;
    while (current?.type === 'reversal' && current.reverses !== undefined) {
      if (inert.has(current.id)) break;
      if (seen.has(current.id)) {
        let member: StockEvent | undefined = current;
        do {
          inert.add(member.id);
          member = member.reverses === undefined ? undefined : byId.get(member.reverses);
        } while (member && member.id !== current.id);
        break;
      }
      seen.add(current.id);
      current = byId.get(current.reverses);
    }
  }
  const reversalsOf = new Map<string, StockEvent[]>();
  for (const e of events) {
    if (e.type !== 'reversal' || e.reverses === undefined || inert.has(e.id)) continue;
    reversalsOf.set(e.reverses, [...(reversalsOf.get(e.reverses) ?? []), e]);
  }
  for (const list of reversalsOf.values()) list.sort((a, b) => (a.id < b.id ? -1 : 1));
  const memo = new Map<string, string | null>();
  const cancelledBy = (id: string): string | null => {
    const known = memo.get(id);
    if (known !== undefined) return known;
    const by = (reversalsOf.get(id) ?? []).find((r) => cancelledBy(r.id) === null)?.id ?? null;
    memo.set(id, by);
    return by;
  };
  const cancelled = new Map<string, string>();
  for (const id of reversalsOf.keys()) {
    const by = cancelledBy(id);
    if (by !== null) cancelled.set(id, by);
  }
  return cancelled;
}
