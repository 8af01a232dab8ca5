import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RequestStatus, SupplyRequest } from '../../shared/model';
import {
  STATUS_RANK,
  lineProgress,
  mergeRequests,
  settledStatus,
  transition,
} from '../../shared/replenishment';
import { draftRequest } from '../fixtures/replenishment/requests';

const at = (minute: number) => new Date(Date.UTC(2026, 10, 2, 9, minute)).toISOString();

function must(request: SupplyRequest, to: RequestStatus, minute: number, extra = {}) {
  const moved = transition(request, to, { at: at(minute), by: 'USR-X', ...extra });
  if (!moved.ok) throw new Error(moved.error.message);
  return moved.value;
}

/** Two lines, approved by policy with no level, ordered and shipped in full. */
const shipped = (() => {
  let r = draftRequest({
    lines: [
      { itemId: 'ITM-A', quantity: 6 },
      { itemId: 'ITM-B', quantity: 4 },
    ],
  });
  r = must(r, 'submitted', 1);
  r = must(r, 'acknowledged', 2, { approval: { policyVersion: 1, levels: 0 } });
  r = must(r, 'ordered', 3);
  return must(r, 'shipped', 4);
})();

const receipt = fc.record({
  item: fc.constantFrom('ITM-A', 'ITM-B'),
  quantity: fc.integer({ min: 1, max: 6 }),
  minute: fc.integer({ min: 5, max: 59 }),
});

/** One replica's offline receipts: each valid where that replica stands, invalid ones skipped. */
function receiveAll(steps: { item: string; quantity: number; minute: number }[]): SupplyRequest {
  let r = shipped;
  for (const s of steps) {
    const moved = transition(r, 'received', {
      at: at(s.minute),
      by: `USR-${s.minute}`,
      lines: [{ itemId: s.item, quantity: s.quantity }],
    });
    if (moved.ok) r = moved.value;
  }
  return r;
}

function merge(a: SupplyRequest, b: SupplyRequest): SupplyRequest {
  const m = mergeRequests(a, b);
  if (!m.ok) throw new Error(m.error.message);
  return m.value;
}

describe('partial receipts on several PCs converge', () => {
  it('merge is commutative, associative and idempotent, and never loses a receipt', () => {
    fc.assert(
      fc.property(
        fc.array(receipt, { maxLength: 4 }),
        fc.array(receipt, { maxLength: 4 }),
        fc.array(receipt, { maxLength: 4 }),
        (sa, sb, sc) => {
          const [a, b, c] = [receiveAll(sa), receiveAll(sb), receiveAll(sc)];
          expect(merge(a, b)).toStrictEqual(merge(b, a));
          expect(merge(merge(a, b), c)).toStrictEqual(merge(a, merge(b, c)));
          expect(merge(a, a)).toStrictEqual(a);
          const all = merge(merge(a, b), c);
          // Never behind any replica, and what the united history shows.
          for (const r of [a, b, c]) {
            expect(STATUS_RANK[all.status]).toBeGreaterThanOrEqual(STATUS_RANK[r.status]);
            lineProgress(r).forEach((line, i) =>
              expect(lineProgress(all)[i]!.received).toBeGreaterThanOrEqual(line.received),
            );
          }
          expect(all.status).toBe(settledStatus(all, all.status));
          const complete = lineProgress(all).every((l) => l.received >= l.requested);
          expect(all.status === 'received').toBe(complete);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('two approval levels given on two PCs: approved once both are united', () => {
    let r = must(draftRequest(), 'submitted', 1);
    r = must(r, 'acknowledged', 2, { approval: { policyVersion: 5, levels: 2 } });
    const first = must(r, 'approved', 3);
    expect(first.status).toBe('acknowledged');
    const second = must(first, 'approved', 4);
    expect(second.status).toBe('approved');
    expect(second.history.filter((e) => e.status === 'approved').map((e) => e.level)).toEqual([
      1, 2,
    ]);
    expect(merge(first, second).status).toBe('approved');
    expect(merge(r, first).status).toBe('acknowledged');
  });
});
