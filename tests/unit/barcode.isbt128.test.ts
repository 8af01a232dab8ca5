import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatIsoDate, dateFromDayOfYear, isLeapYear } from '../../shared/barcode/calendar';
import {
  encodeIsbt128,
  encodeIsbt128Structures,
  mod37_2CheckCharacter,
  parseScan,
  type Isbt128Fields,
  type ScanResult,
} from '../../shared/barcode/index';
import { chars } from './barcode.arbitraries';
import { expectVector, loadVectors } from './barcode.vectors';

const TODAY = '2026-12-03';
const ALNUM = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const FIN_FIRST = 'ABCDEFGHIJKLMNPQRSTUVWXYZ123456789';
const parse = (text: string): ScanResult => parseScan(text, { today: TODAY });

const fin = fc
  .tuple(fc.constantFrom(...FIN_FIRST), chars('0123456789', 4, 4))
  .map(([first, rest]) => first + rest);
const isoDate = fc
  .record({ year: fc.integer({ min: 2000, max: 2999 }), day: fc.integer({ min: 1, max: 366 }) })
  .map(({ year, day }) => {
    const date = dateFromDayOfYear(year, isLeapYear(year) ? day : Math.min(day, 365));
    if (!date) throw new Error('unreachable: the day is within the year');
    return formatIsoDate(date);
  });
const isbt128Fields: fc.Arbitrary<Isbt128Fields> = fc.record(
  {
    productCode: fc.tuple(fin, chars(ALNUM, 11, 11)).map(([f, p]) => f + p),
    din: fc.tuple(fin, chars('0123456789', 8, 8)).map(([f, rest]) => f + rest),
    dinFlags: fc.constantFrom('00', '01', '59', 'check'),
    productDivisions: chars(ALNUM, 6, 6),
    expiry: isoDate,
    production: isoDate,
    mphoLot: chars(ALNUM, 18, 18),
  },
  { requiredKeys: [] },
);

function expectFields(result: ScanResult, fields: Isbt128Fields): void {
  if (!result.ok) throw new Error(`refused: ${result.error.message}`);
  expect(result.standard).toBe('ISBT128');
  expect(result.isbt128?.productCode).toBe(fields.productCode);
  expect(result.isbt128?.din).toBe(fields.din);
  expect(result.serial).toBe(fields.productDivisions);
  expect(result.lot).toBe(fields.mphoLot);
  expect(result.expiry).toBe(fields.expiry);
  expect(result.productionDate).toBe(fields.production);
}

describe('ISBT 128 vectors', () => {
  it.each(loadVectors('isbt128'))('$name', expectVector);
});

describe('ISO 7064 MOD 37-2', () => {
  it('makes the weighted sum of data and check character 1 modulo 37', () => {
    fc.assert(
      fc.property(chars(ALNUM, 1, 20), (data) => {
        const all = data + mod37_2CheckCharacter(data);
        let sum = 0;
        for (const char of all.slice(0, -1)) sum = ((sum + ALNUM.indexOf(char)) * 2) % 37;
        const check = `${ALNUM}*`.indexOf(all.slice(-1));
        expect((sum + check) % 37).toBe(1);
      }),
    );
  });

  it('catches every single-character change and every adjacent swap', () => {
    fc.assert(
      fc.property(chars(ALNUM, 13, 13), fc.nat(12), fc.nat(34), (din, at, shift) => {
        const check = mod37_2CheckCharacter(din);
        const replaced = ALNUM.charAt((ALNUM.indexOf(din.charAt(at)) + shift + 1) % 36);
        const changed = din.slice(0, at) + replaced + din.slice(at + 1);
        expect(mod37_2CheckCharacter(changed)).not.toBe(check);
        const i = Math.min(at, 11);
        const swapped = din.slice(0, i) + din.charAt(i + 1) + din.charAt(i) + din.slice(i + 2);
        if (swapped !== din) expect(mod37_2CheckCharacter(swapped)).not.toBe(check);
      }),
    );
  });
});

describe('encode then parse gives the fields back', () => {
  it('concatenated in one 2-D symbol, with or without a compound header', () => {
    fc.assert(
      fc.property(isbt128Fields, fc.boolean(), (fields, compound) => {
        const count = encodeIsbt128Structures(fields).length;
        const withHeader = compound && count >= 2 ? { ...fields, compoundType: '000' } : fields;
        fc.pre(count > 0);
        expectFields(parse(`]d1${encodeIsbt128(withHeader)}`), fields);
      }),
    );
  });

  it('one structure per linear symbol, each read on its own', () => {
    fc.assert(
      fc.property(isbt128Fields, (fields) => {
        for (const structure of encodeIsbt128Structures(fields)) {
          const result = parse(`]C0${structure}\r\n`);
          expect(result.ok).toBe(true);
        }
      }),
    );
  });
});

describe('refusals', () => {
  const fields = fc.record({
    productCode: fc.tuple(fin, chars(ALNUM, 11, 11)).map(([f, p]) => f + p),
    din: fc.tuple(fin, chars('0123456789', 8, 8)).map(([f, rest]) => f + rest),
    expiry: isoDate,
    mphoLot: chars(ALNUM, 18, 18),
  });

  it('a structure cut short anywhere is refused, never read as something else', () => {
    fc.assert(
      fc.property(fields, fc.nat(), (f, cut) => {
        const text = encodeIsbt128(f);
        const end = cut % text.length;
        const result = parse(text.slice(0, end));
        // Cutting exactly between two structures leaves a valid, shorter scan.
        const boundaries = encodeIsbt128Structures(f).reduce<number[]>(
          (all, s) => [...all, (all.at(-1) ?? 0) + s.length],
          [],
        );
        if (end === 0 || boundaries.includes(end)) return;
        expect(result.ok).toBe(false);
        if (!result.ok) expect(result.standard).toBe('ISBT128');
      }),
    );
  });

  it('a DIN whose flags carry a check is refused when any data character changes', () => {
    fc.assert(
      fc.property(fields, fc.nat(12), fc.nat(8), (f, at, shift) => {
        const din = f.din;
        const digit = at === 0 ? din.charAt(0) : String((Number(din.charAt(at)) + shift + 1) % 10);
        fc.pre(at > 0);
        const changed = din.slice(0, at) + digit + din.slice(at + 1);
        const label = encodeIsbt128({ din, dinFlags: 'check' });
        const corrupted = label.replace(din, changed);
        const result = parse(corrupted);
        expect(result.ok ? 'read' : result.error.code).toBe('ISBT128_CHECK_CHARACTER');
      }),
    );
  });

  it('lower-case letters are refused with a Caps Lock hint', () => {
    fc.assert(
      fc.property(fields, (f) => {
        const result = parse(encodeIsbt128(f).toLowerCase());
        expect(result.ok ? 'read' : result.error.code).toMatch(/ISBT128_BAD_CHARACTER/);
        if (!result.ok) expect(result.error.message).toMatch(/Caps Lock/);
      }),
    );
  });

  it('two structures of a kind with different values are refused', () => {
    fc.assert(
      fc.property(fields, isoDate, (f, other) => {
        fc.pre(other !== f.expiry);
        const text = encodeIsbt128(f) + encodeIsbt128({ expiry: other });
        const result = parse(text);
        expect(result.ok ? 'read' : result.error.code).toBe('ISBT128_DUPLICATE');
      }),
    );
  });

  it('a day of the year past the year end is refused', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 999 }),
        fc.integer({ min: 366, max: 999 }),
        (cyy, jjj) => {
          const year = 2000 + cyy;
          fc.pre(jjj > (isLeapYear(year) ? 366 : 365));
          const raw = `${String(cyy).padStart(3, '0')}${jjj}`;
          for (const id of ['=>', '=}']) {
            const result = parse(`${id}${raw}`);
            expect(result.ok ? 'read' : result.error.code).toBe('ISBT128_BAD_DATE');
          }
        },
      ),
    );
  });

  it('the encoder refuses what ISBT 128 cannot carry', () => {
    expect(() => encodeIsbt128({ productCode: 'O9999XYZ100T0944' })).toThrow(RangeError);
    expect(() => encodeIsbt128({ expiry: '1999-12-31' })).toThrow(RangeError);
    expect(() => encodeIsbt128({ mphoLot: 'short', compoundType: '000' })).toThrow(RangeError);
    expect(() => encodeIsbt128({ expiry: '2026-01-01', compoundType: '000' })).toThrow(RangeError);
  });
});
