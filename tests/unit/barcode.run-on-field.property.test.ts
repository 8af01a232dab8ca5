import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeGs1ElementString } from '../../shared/barcode/encode-gs1';
import { parseScan } from '../../shared/barcode/parse-scan';
import { runOnSplits } from '../../shared/barcode/run-on-field';
import { GS } from '../../shared/barcode/scan-input';
import { withCheckDigit, xText } from './barcode.arbitraries';

const TODAY = '2026-12-03';

/** A lot, then the fields a dropped GS lets it swallow: expiry and/or serial. */
const label = fc.record({
  gtin: withCheckDigit(14),
  lot: xText(8),
  expiry: fc.option(
    fc
      .tuple(
        fc.integer({ min: 27, max: 40 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 28 }),
      )
      .map((parts) => parts.map((n) => String(n).padStart(2, '0')).join('')),
    { nil: undefined },
  ),
  serial: fc.option(xText(8), { nil: undefined }),
});

describe('a lot that swallowed the fields after it', () => {
  it('splits back into the printed lot and the swallowed fields, whatever they are', () => {
    fc.assert(
      fc.property(
        label.filter((l) => l.expiry !== undefined || l.serial !== undefined),
        ({ gtin, lot, expiry, serial }) => {
          const after = [
            ...(expiry ? [{ ai: '17', value: expiry }] : []),
            ...(serial ? [{ ai: '21', value: serial }] : []),
          ];
          const printed = encodeGs1ElementString([
            { ai: '01', value: gtin },
            { ai: '10', value: lot },
            ...after,
          ]);
          const dropped = printed.replace(GS, '');
          const read = parseScan(dropped, { today: TODAY });
          // The parser cannot tell: it reads one long lot (or refuses it as too long).
          if (!read.ok) return;
          expect(read.lot).toBe(`${lot}${after.map((f) => f.ai + f.value).join('')}`);
          const splits = runOnSplits('10', read.lot ?? '', 2026);
          const truth = splits.find((s) => s.head === lot);
          expect(truth?.tail.map((f) => [f.ai, f.value])).toEqual(
            // Without a GS after the expiry a serial follows it directly; 17 is predefined-length.
            after.map((f) => [f.ai, f.value]),
          );
          expect(truth?.strong).toBe(expiry !== undefined);
        },
      ),
    );
  });

  it('finds nothing in a lot with no AI-shaped run', () => {
    fc.assert(
      fc.property(
        fc.string({
          unit: fc.constantFrom(...'ABCDEFGHJKLMNPQRSTUVWXYZ'),
          minLength: 1,
          maxLength: 20,
        }),
        (lot) => {
          expect(runOnSplits('10', lot, 2026)).toEqual([]);
        },
      ),
    );
  });

  it('never splits a predefined-length field', () => {
    expect(runOnSplits('17', '270929', 2026)).toEqual([]);
    expect(runOnSplits('01', '10885403987649', 2026)).toEqual([]);
  });

  it('reads the field report of a dropped GS after lot FC2409A', () => {
    const read = parseScan('01108854039876491727092910FC2409A21FS000123', { today: TODAY });
    expect(read.ok && read.lot).toBe('FC2409A21FS000123');
    const splits = runOnSplits('10', 'FC2409A21FS000123', 2026);
    expect(splits.map((s) => s.head)).toContain('FC2409A');
    expect(splits.find((s) => s.head === 'FC2409A')).toMatchObject({
      tail: [{ ai: '21', value: 'FS000123' }],
      strong: false,
    });
    expect(runOnSplits('10', 'IVC2611A17280107', 2026)[0]).toMatchObject({
      head: 'IVC2611A',
      tail: [{ ai: '17', value: '280107' }],
      strong: true,
    });
  });
});
