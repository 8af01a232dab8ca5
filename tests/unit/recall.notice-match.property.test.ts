import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { matchNotice } from '../../shared/recall';
import { BARE, CATHETER } from '../fixtures/recall/notices';

const LOT_CHARS = [...'ABCXYZabcxyz0123456789-/.'];
const lotCode = fc
  .array(fc.constantFrom(...LOT_CHARS), { minLength: 1, maxLength: 12 })
  .map((cs) => cs.join(''));
const padding = fc.constantFrom('', ' ', '  ', '\t');

/** A regular numeric range "PFX000"–"PFX999" whose membership the test can work out on its own. */
const numericRange = fc
  .record({
    prefix: fc.constantFrom('A', 'LOT-', 'Z9', 'b'),
    width: fc.integer({ min: 2, max: 5 }),
    a: fc.nat(),
    b: fc.nat(),
  })
  .map(({ prefix, width, a, b }) => {
    const max = 10 ** width;
    const [lo, hi] = [a % max, b % max].sort((x, y) => x - y) as [number, number];
    const code = (n: number) => prefix + String(n).padStart(width, '0');
    return { prefix, width, lo, hi, range: { from: code(lo), to: code(hi) }, code };
  });
type NumericRange = typeof numericRange extends fc.Arbitrary<infer R> ? R : never;

function inRangeByNumber(r: NumericRange, lot: string): boolean {
  const m = new RegExp(`^${r.prefix.replace(/[-.]/g, '\\$&')}(\\d{${r.width}})$`).exec(lot);
  if (!m) return false;
  const n = Number(m[1]);
  return n >= r.lo && n <= r.hi;
}

const notice = fc.record({
  lotCodes: fc.array(lotCode, { maxLength: 30 }),
  ranges: fc.array(numericRange, { maxLength: 3 }),
  serials: fc.array(lotCode, { maxLength: 5 }),
});

describe('recall notice matching: properties', () => {
  it('a unit whose lot is on the list always matches, however the label pads it', () => {
    fc.assert(
      fc.property(notice, fc.nat(), padding, padding, (n, pick, left, right) => {
        fc.pre(n.lotCodes.length > 0);
        const listed = n.lotCodes[pick % n.lotCodes.length]!;
        const verdict = matchNotice(
          {
            ...BARE,
            lotCodes: n.lotCodes,
            lotRanges: n.ranges.map((r) => r.range),
            serials: n.serials,
          },
          { item: CATHETER, lotCode: left + listed + right },
        );
        expect(verdict.kind).toBe('match');
        if (verdict.kind === 'match') expect(verdict.basis).toContain('lot');
      }),
    );
  });

  it('a unit whose lot is inside a listed range always matches', () => {
    fc.assert(
      fc.property(numericRange, fc.nat(), (r, k) => {
        const lot = r.code(r.lo + (k % (r.hi - r.lo + 1)));
        const verdict = matchNotice(
          { ...BARE, lotRanges: [r.range] },
          { item: CATHETER, lotCode: lot },
        );
        expect(verdict).toEqual({ kind: 'match', basis: ['lot-range'] });
      }),
    );
  });

  it('a lot not listed, outside every range, with an unlisted serial, never matches', () => {
    const nearRange = numericRange.chain((r) =>
      fc
        .integer({ min: -3, max: 10 ** r.width + 3 })
        .map((n) => (n < 0 ? r.prefix + n : r.code(n))),
    );
    const unitLot = fc.oneof(
      lotCode,
      nearRange,
      lotCode.map((l) => l.toLowerCase()),
      lotCode.map((l) => `0${l}`),
    );
    fc.assert(
      fc.property(notice, unitLot, fc.option(lotCode, { nil: undefined }), (n, lot, serial) => {
        const trimmed = lot.trim();
        fc.pre(!n.lotCodes.some((l) => l.trim() === trimmed));
        fc.pre(!n.ranges.some((r) => inRangeByNumber(r, trimmed)));
        fc.pre(serial === undefined || !n.serials.some((s) => s.trim() === serial.trim()));
        const verdict = matchNotice(
          {
            ...BARE,
            allLots: false,
            lotCodes: n.lotCodes,
            lotRanges: n.ranges.map((r) => r.range),
            serials: n.serials,
          },
          { item: CATHETER, lotCode: lot, serial, expiry: '2027-01-31' },
        );
        expect(verdict.kind).not.toBe('match');
      }),
      { numRuns: 500 },
    );
  });

  it('a similar-lot hint is never a match', () => {
    fc.assert(
      fc.property(lotCode, fc.constantFrom('lower', 'zero', 'edit'), (recalled, how) => {
        const shelf =
          how === 'lower'
            ? recalled.toLowerCase()
            : how === 'zero'
              ? `0${recalled}`
              : `${recalled}Q`;
        fc.pre(shelf.trim() !== recalled.trim());
        const verdict = matchNotice(
          { ...BARE, lotCodes: [recalled] },
          { item: CATHETER, lotCode: shelf },
        );
        expect(verdict.kind).toBe('no-match');
      }),
    );
  });
});
