import bwipjs from 'bwip-js/node';
import fc from 'fast-check';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { gtinCheckDigit, parseScan } from '../../shared/barcode';
import { relabelContent, symbolOptions, type LabelSymbology } from '../../shared/labels';
import { FRAME_STRATEGIES } from '../../renderer/scanning/wasm-frame-decoder';
import { zxingWasm } from '../camera/decoders';

const CSET82 = `!"%&'()*+,-./0123456789:;<=>?ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz`;
const code = (min: number) =>
  fc.array(fc.constantFrom(...CSET82), { minLength: min, maxLength: 20 }).map((c) => c.join(''));

/** Draws the label's symbol as the screen does, then reads it with zxing-cpp, as a scanner would. */
async function drawnAndRead(
  decode: (rgba: Uint8ClampedArray, w: number, h: number) => Promise<string | undefined>,
  elementString: string,
  symbology: LabelSymbology,
) {
  const options = symbolOptions({ fields: [], elementString, humanReadable: '' }, symbology);
  const png = await bwipjs.toBuffer({
    ...options,
    scale: 3,
    ...(options.bcid === 'code128' ? { height: 12 } : {}),
    paddingwidth: 10,
    paddingheight: 10,
    backgroundcolor: 'FFFFFF',
  });
  const image = PNG.sync.read(png);
  return decode(new Uint8ClampedArray(image.data), image.width, image.height);
}

describe('the symbol drawn for a replacement label', () => {
  it('scans back as the same GTIN, expiry, lot and serial, in both symbologies', async () => {
    const { decoder } = await zxingWasm();
    await fc.assert(
      fc.asyncProperty(
        fc.stringMatching(/^\d{13}$/).map((b) => `${b}${gtinCheckDigit(b)}`),
        code(0),
        fc.option(code(1), { nil: undefined }),
        fc.constantFrom<LabelSymbology>('gs1-128', 'gs1-datamatrix'),
        async (gtin, lotCode, serial, symbology) => {
          const made = relabelContent({ gtin, lotCode, expiry: '2028-02-29', serial }, symbology);
          if (!made.ok) return;
          // A camera holds a label for many frames, read in turn by each of the decoder's
          // strategies (some read linear symbols only): one round of them is what a scan gets.
          const text = await drawnAndRead(
            async (...a) => {
              for (let frame = 0; frame < FRAME_STRATEGIES.length; frame++) {
                const found = await decoder.decode(...a);
                if (found !== undefined) return found;
              }
              return undefined;
            },
            made.content.elementString,
            symbology,
          );
          expect(text, made.content.humanReadable).toBeDefined();
          const read = parseScan(text!, { today: '2026-12-04' });
          expect(read.ok, JSON.stringify(read)).toBe(true);
          if (!read.ok) return;
          expect([read.gtin, read.expiry, read.lot ?? '', read.serial]).toEqual([
            gtin,
            '2028-02-29',
            lotCode,
            serial,
          ]);
        },
      ),
      { numRuns: 60 },
    );
  }, 60_000);
});
