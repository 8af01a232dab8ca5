import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fillRate } from '../../shared/indicators/fill-rate';
import type { SupplyRequest } from '../../shared/model';

const PERIOD = { from: '2026-11-01', to: '2026-11-30' };
type Entry = SupplyRequest['history'][number];

const request = (
  id: string,
  lines: SupplyRequest['lines'],
  history: Entry[],
): Pick<SupplyRequest, 'id' | 'lines' | 'history'> => ({ id, lines, history });

const received = (at: string, lines?: { itemId: string; quantity: number }[]): Entry => ({
  status: 'received',
  at,
  by: 'USR-NM',
  ...(lines ? { lines } : {}),
});

describe('fill rate', () => {
  it('counts a line filled only when the first delivery brought all of it', () => {
    const figures = fillRate(
      [
        request(
          'R1',
          [
            { itemId: 'A', quantity: 10 },
            { itemId: 'B', quantity: 4 },
          ],
          [
            received('2026-11-03T10:00:00Z', [
              { itemId: 'A', quantity: 10 },
              { itemId: 'B', quantity: 1 },
            ]),
            received('2026-11-04T10:00:00Z', [{ itemId: 'B', quantity: 3 }]),
          ],
        ),
        // A receipt naming no lines brought everything.
        request('R2', [{ itemId: 'C', quantity: 5 }], [received('2026-11-10T00:00:00Z')]),
        // Received before the period: not counted.
        request('R3', [{ itemId: 'D', quantity: 5 }], [received('2026-10-31T23:59:00Z', [])]),
        // The same item on two lines is one line of their sum.
        request(
          'R4',
          [
            { itemId: 'E', quantity: 2 },
            { itemId: 'E', quantity: 3 },
          ],
          [received('2026-11-20T00:00:00Z', [{ itemId: 'E', quantity: 5 }])],
        ),
      ],
      PERIOD,
    );
    expect(figures).toMatchObject({ lines: 4, linesFilled: 3, units: 24, unitsFilled: 21 });
    expect(figures.lineRate).toBe(0.75);
    expect(figures.unitRate).toBeCloseTo(21 / 24);
  });

  it('agrees with a direct fold over the receipts (property)', () => {
    const item = fc.constantFrom('A', 'B', 'C');
    const line = fc.record({ itemId: item, quantity: fc.integer({ min: 1, max: 20 }) });
    const receipt = fc.record({
      day: fc.integer({ min: 25, max: 35 }),
      lines: fc.option(fc.array(line, { maxLength: 4 }), { nil: undefined }),
    });
    const arbitrary = fc.array(
      fc.record({
        lines: fc.array(line, { minLength: 1, maxLength: 4 }),
        receipts: fc.array(receipt, { maxLength: 3 }),
      }),
      { maxLength: 8 },
    );
    fc.assert(
      fc.property(arbitrary, (raw) => {
        const requests = raw.map((r, i) =>
          request(
            `R${i}`,
            r.lines,
            [...r.receipts]
              .sort((a, b) => a.day - b.day)
              .map((x) => received(new Date(Date.UTC(2026, 9, x.day)).toISOString(), x.lines)),
          ),
        );
        const figures = fillRate(requests, PERIOD);
        // The fold: every requested unit, and what the first receipt in the period brought.
        let lines = 0;
        let filled = 0;
        let units = 0;
        let brought = 0;
        for (const r of requests) {
          const first = r.history[0];
          if (!first || first.at < '2026-11-01' || first.at >= '2026-12-01') continue;
          for (const itemId of new Set(r.lines.map((l) => l.itemId))) {
            const wanted = r.lines
              .filter((l) => l.itemId === itemId)
              .reduce((s, l) => s + l.quantity, 0);
            const got = first.lines
              ? first.lines.filter((l) => l.itemId === itemId).reduce((s, l) => s + l.quantity, 0)
              : wanted;
            lines += 1;
            units += wanted;
            brought += Math.min(got, wanted);
            if (got >= wanted) filled += 1;
          }
        }
        expect(figures).toMatchObject({ lines, linesFilled: filled, units, unitsFilled: brought });
      }),
    );
  });
});
