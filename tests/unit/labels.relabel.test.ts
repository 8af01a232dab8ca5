import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gtinCheckDigit, parseScan } from '../../shared/barcode';
import { relabelContent, zplLabel, type LabelSymbology } from '../../shared/labels';

const TODAY = '2026-12-04';
const GS = '\u001d';
// GS1 character set 82, which lots and serials are drawn from.
const CSET82 = `!"%&'()*+,-./0123456789:;<=>?ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz`;

const gtin = fc.stringMatching(/^\d{13}$/).map((body) => `${body}${gtinCheckDigit(body)}`);
const code = (min: number) =>
  fc.array(fc.constantFrom(...CSET82), { minLength: min, maxLength: 20 }).map((c) => c.join(''));
const expiry = fc
  .date({
    min: new Date(Date.UTC(2000, 0, 1)),
    max: new Date(Date.UTC(2049, 11, 31)),
    noInvalidDate: true,
  })
  .map((d) => d.toISOString().slice(0, 10));

/** What a GS1 symbology identifier plus the label's data reads as, through the app's own parser. */
function scanned(elementString: string, symbology: LabelSymbology) {
  const prefix = symbology === 'gs1-128' ? ']C1' : ']d2';
  return parseScan(`${prefix}${elementString}`, { today: TODAY });
}

/** Reads escape pairs left to right, as the printer does: `escape` then one code character. */
function unescape(data: string, escape: string, codes: Record<string, string>): string {
  let out = '';
  for (let i = 0; i < data.length; i++) {
    if (data[i] !== escape) {
      out += data[i];
      continue;
    }
    const meaning = codes[data[i + 1] ?? ''];
    expect(meaning, `escape ${escape}${data[i + 1]} at ${i} in ${data}`).toBeDefined();
    out += meaning;
    i++;
  }
  return out;
}

/** Undoes ZPL's Code 128 invocation codes: an independent reading of what the printer encodes. */
function code128FromZpl(zpl: string): string {
  const data = /\^BCN[^^]*\^FD(.*?)\^FS/.exec(zpl)?.[1] ?? '';
  expect(data.startsWith('>;>8')).toBe(true);
  // >6 switches to code B (no data), >8 is FNC1 (GS in the element string), >< is '>'.
  return unescape(data.slice(4), '>', { '6': '', '8': GS, '<': '>' });
}

function dataMatrixFromZpl(zpl: string): string {
  const data = /\^BXN,6,200,,,,_\^FD(.*?)\^FS/.exec(zpl)?.[1] ?? '';
  expect(data.startsWith('_1')).toBe(true);
  return unescape(data.slice(2), '_', { '1': GS, _: '_' });
}

describe('a replacement label reads back as the unit it was made for', () => {
  it('through the parser, for any GTIN, lot, expiry and serial GS1 allows, in both symbologies', () => {
    fc.assert(
      fc.property(
        gtin,
        code(0),
        fc.option(expiry, { nil: undefined }),
        fc.option(code(1), { nil: undefined }),
        fc.constantFrom<LabelSymbology>('gs1-128', 'gs1-datamatrix'),
        (g, lotCode, exp, serial, symbology) => {
          const made = relabelContent({ gtin: g, lotCode, expiry: exp, serial }, symbology);
          if (!made.ok) {
            // Only a GS1-128 label can be too long for its symbol.
            expect(made.code).toBe('LABEL_TOO_LONG');
            expect(symbology).toBe('gs1-128');
            return;
          }
          const read = scanned(made.content.elementString, symbology);
          expect(read.ok, JSON.stringify(read)).toBe(true);
          if (!read.ok) return;
          expect(read.gtin).toBe(g);
          expect(read.lot ?? '').toBe(lotCode);
          expect(read.expiry).toBe(exp);
          expect(read.serial).toBe(serial);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('through the ZPL a Zebra printer receives, for both symbologies', () => {
    fc.assert(
      fc.property(
        gtin,
        code(0),
        expiry,
        fc.option(code(1), { nil: undefined }),
        (g, lot, exp, serial) => {
          for (const symbology of ['gs1-128', 'gs1-datamatrix'] as const) {
            const made = relabelContent({ gtin: g, lotCode: lot, expiry: exp, serial }, symbology);
            if (!made.ok) continue;
            const zpl = zplLabel(made.content, { symbology, copies: 2, title: 'Gauze' });
            expect(zpl.startsWith('^XA')).toBe(true);
            expect(zpl).toContain('^PQ2');
            const data = symbology === 'gs1-128' ? code128FromZpl(zpl) : dataMatrixFromZpl(zpl);
            expect(data).toBe(made.content.elementString);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('what cannot go on a label is refused in words', () => {
  it('an item with no GTIN', () => {
    const made = relabelContent({ gtin: '', lotCode: 'A1' }, 'gs1-128');
    expect(made).toMatchObject({ ok: false, code: 'LABEL_NO_GTIN' });
  });
  it('a date that does not exist', () => {
    const made = relabelContent(
      { gtin: '09504000059101', lotCode: 'A1', expiry: '2027-02-30' },
      'gs1-128',
    );
    expect(made).toMatchObject({ ok: false, code: 'LABEL_BAD_EXPIRY' });
    if (!made.ok) expect(made.message).toContain('YYYY-MM-DD');
  });
  it('a lot with a space or a character outside GS1 set 82, or longer than 20', () => {
    for (const lotCode of ['A 1', 'LOT#1', 'X'.repeat(21)]) {
      const made = relabelContent({ gtin: '09504000059101', lotCode }, 'gs1-datamatrix');
      expect(made).toMatchObject({ ok: false, code: 'LABEL_BAD_LOT' });
    }
  });
  it('a GS1-128 label too long for its symbol, pointing to DataMatrix', () => {
    const input = {
      gtin: '09504000059101',
      lotCode: 'L'.repeat(20),
      expiry: '2028-01-31',
      serial: 'S'.repeat(20),
    };
    const made = relabelContent(input, 'gs1-128');
    expect(made).toMatchObject({ ok: false, code: 'LABEL_TOO_LONG' });
    if (!made.ok) expect(made.message).toContain('DataMatrix');
    expect(relabelContent(input, 'gs1-datamatrix').ok).toBe(true);
  });
  it('prints the human-readable line GS1 asks for, in AI order', () => {
    const made = relabelContent(
      { gtin: '09504000059101', lotCode: 'FC2409A', expiry: '2027-09-29' },
      'gs1-128',
    );
    expect(made.ok && made.content.humanReadable).toBe('(01)09504000059101(17)270929(10)FC2409A');
    expect(made.ok && made.content.elementString).toBe('010950400005910117270929' + '10FC2409A');
  });
});
