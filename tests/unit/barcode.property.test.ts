import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  encodeDigitalLink,
  encodeGs1ElementString,
  encodeGs1HumanReadable,
  encodeHibccConcatenated,
  encodeHibccPrimary,
  encodeHibccSecondary,
  parseScan,
  type Gs1FieldInput,
  type ScanResult,
  type ScanSuccess,
} from '../../shared/barcode/index';
import {
  chars,
  expectedHibccSecondary,
  gs1Fields,
  HIBCC_SET,
  hibccPrimary,
  hibccSecondary,
  withCheckDigit,
  X82,
  xText,
} from './barcode.arbitraries';

const TODAY = '2026-11-23';

/** The fields an HIBCC secondary carries, as parsed. */
function secondaryFieldsOf(result: ScanSuccess) {
  const { lot, serial, quantity, expiry, expiryTime, productionDate } = result;
  return { lot, serial, quantity, expiry, expiryTime, productionDate };
}

function expectFields(result: ScanResult, fields: readonly Gs1FieldInput[]): void {
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  expect(result.ai).toEqual(Object.fromEntries(fields.map((f) => [f.ai, f.value])));
  const value = (ai: string) => fields.find((f) => f.ai === ai)?.value;
  expect(result.gtin).toBe(value('01'));
  expect(result.lot).toBe(value('10'));
  expect(result.serial).toBe(value('21'));
  expect(result.expiryRaw).toBe(value('17') ?? value('7003'));
  expect(result.expiry === undefined).toBe(result.expiryRaw === undefined);
}

describe('parseScan never throws', () => {
  const anyOptions = fc.record(
    {
      separators: fc.array(fc.string({ maxLength: 4 }), { maxLength: 4 }),
      suffixes: fc.array(fc.string({ maxLength: 3 }), { maxLength: 3 }),
    },
    { requiredKeys: [] },
  );
  const prefixes = [
    '',
    ']C1',
    ']d2',
    ']Q1',
    ']E0',
    '\u001d',
    '+',
    '+$$',
    '*+',
    '(',
    '(01)',
    '=',
    'https://id.gs1.org/01/',
    'http://x/01/09504000059101/',
    '01',
    '010950400005910117',
  ];
  const barcodeish = fc
    .tuple(fc.constantFrom(...prefixes), chars(`${X82}${HIBCC_SET}\u001d\r\n{}^|~#_`, 0, 60))
    .map(([prefix, rest]) => prefix + rest);
  const lonelySurrogates = fc.string({
    unit: fc.integer({ min: 0, max: 0xffff }).map((n) => String.fromCharCode(n)),
  });

  it.each([
    ['any unicode text', fc.string({ unit: 'binary', maxLength: 80 })],
    ['any UTF-16 code units, lone surrogates included', lonelySurrogates],
    ['text shaped like barcodes', barcodeish],
  ])('on %s', (_name, text) => {
    fc.assert(
      fc.property(text, anyOptions, (raw, options) => {
        const result = parseScan(raw, { today: TODAY, ...options });
        if (result.ok) {
          if (result.gtin !== undefined) expect(result.gtin).toMatch(/^\d{14}$/);
          if (result.expiry !== undefined) expect(result.expiry).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        } else {
          expect(result.error.code).not.toBe('INTERNAL_ERROR');
          expect(result.error.message.length).toBeGreaterThan(0);
          if (result.error.position !== undefined) {
            expect(result.error.position).toBeGreaterThanOrEqual(0);
            expect(result.error.position).toBeLessThanOrEqual(raw.length);
          }
        }
      }),
      { numRuns: 1500 },
    );
  });
});

describe('encode then parse gives the fields back', () => {
  it('GS1 element string, with and without identifier or leading FNC1', () => {
    const lead = fc.constantFrom('', ']C1', ']d2', ']Q3', '\u001d', ']d2\u001d');
    fc.assert(
      fc.property(gs1Fields, lead, (fields, prefix) => {
        expectFields(parseScan(prefix + encodeGs1ElementString(fields), { today: TODAY }), fields);
      }),
    );
  });

  it('GS1 element string with separators sent as <GS>', () => {
    fc.assert(
      fc.property(gs1Fields, (fields) => {
        const data = encodeGs1ElementString(fields).replaceAll('\u001d', '<GS>');
        expectFields(parseScan(data, { today: TODAY }), fields);
      }),
    );
  });

  it('GS1 human-readable', () => {
    fc.assert(
      fc.property(gs1Fields, (fields) => {
        expectFields(parseScan(encodeGs1HumanReadable(fields), { today: TODAY }), fields);
      }),
    );
  });

  it('GS1 Digital Link', () => {
    const base = fc.constantFrom(
      'https://id.gs1.org',
      'http://example.com/shop/',
      'HTTPS://A.B/c/01',
    );
    const withGtin = gs1Fields.chain((fields) =>
      withCheckDigit(14).map((gtin) => [
        { ai: '01', value: gtin },
        ...fields.filter((f) => f.ai !== '01'),
      ]),
    );
    const qualifier = fc.record({ ai: fc.constant('22'), value: xText(20) });
    fc.assert(
      fc.property(base, withGtin, fc.option(qualifier, { nil: undefined }), (b, fields, cpv) => {
        const all = cpv ? [...fields, cpv] : fields;
        expectFields(parseScan(encodeDigitalLink(b, all), { today: TODAY }), all);
      }),
    );
  });

  it('HIBCC concatenated', () => {
    fc.assert(
      fc.property(hibccPrimary, hibccSecondary, (primary, secondary) => {
        const result = parseScan(encodeHibccConcatenated(primary, secondary), { today: TODAY });
        if (!result.ok) throw new Error(JSON.stringify(result.error));
        expect(result).toMatchObject({
          standard: 'HIBCC',
          hibcc: {
            ...primary,
            productCode: `${primary.lic}${primary.product}${primary.unitOfMeasure}`,
          },
        });
        expect(secondaryFieldsOf(result)).toEqual(expectedHibccSecondary(secondary));
      }),
    );
  });

  it('HIBCC secondary on its own, with any link character', () => {
    const hasMain = hibccSecondary.filter((s) =>
      [s.lot, s.serial, s.quantity, s.expiry].some((v) => v !== undefined),
    );
    fc.assert(
      fc.property(hasMain, chars(HIBCC_SET, 1, 1), (secondary, link) => {
        const result = parseScan(encodeHibccSecondary(secondary, link), { today: TODAY });
        if (!result.ok) throw new Error(JSON.stringify(result.error));
        expect(result.hibcc).toEqual({ link });
        expect(secondaryFieldsOf(result)).toEqual(expectedHibccSecondary(secondary));
      }),
    );
  });
});

describe('corruption is caught', () => {
  const mutate = (text: string, alphabet: string) =>
    fc
      .tuple(fc.nat({ max: text.length - 1 }), fc.constantFrom(...alphabet))
      .filter(([i, c]) => text.charAt(i) !== c)
      .map(([i, c]) => text.slice(0, i) + c + text.slice(i + 1));

  it('a single-digit change to a GTIN is always rejected, alone or inside GS1 data', () => {
    const gtin = fc.constantFrom(8, 12, 13, 14).chain(withCheckDigit);
    const changed = gtin.chain((g) => mutate(g, '0123456789').map((m) => [g, m] as const));
    fc.assert(
      fc.property(changed, ([, bad]) => {
        const alone = parseScan(bad, { today: TODAY });
        expect(alone.ok || alone.error.code).toBe('GTIN_CHECK_DIGIT');
        const inGs1 = parseScan(`]C101${bad.padStart(14, '0')}`, { today: TODAY });
        expect(inGs1.ok || inGs1.error.code).toBe('GS1_CHECK_DIGIT');
      }),
    );
  });

  it('a single-character change to an HIBCC symbol is always rejected', () => {
    const changed = hibccPrimary
      .map(encodeHibccPrimary)
      .chain((symbol) => mutate(symbol.slice(1), HIBCC_SET).map((rest) => `+${rest}`));
    fc.assert(
      fc.property(changed, (bad) => {
        const result = parseScan(bad, { today: TODAY });
        expect(result.ok || result.error.code).toBe('HIBCC_CHECK_CHARACTER');
      }),
    );
  });
});
