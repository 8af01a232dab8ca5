import fc from 'fast-check';
import { daysInMonth, formatIsoDate, gs1FullYear } from '../../shared/barcode/calendar';
import {
  gtinCheckDigit,
  type Gs1FieldInput,
  type HibccDateFormat,
  type HibccPrimaryFields,
  type HibccSecondaryFields,
} from '../../shared/barcode/index';

/** Generators of valid label data for the property tests (barcode.property.test.ts). */

export const X82 = `!"%&'()*+,-./0123456789:;<=>?ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz`;
export const HIBCC_SET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ-. $/+%';
const ALNUM = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';

export const chars = (set: string, minLength: number, maxLength: number) =>
  fc.string({ unit: fc.constantFrom(...set), minLength, maxLength });
const digits = (length: number) => chars('0123456789', length, length);
const pad2 = (n: number) => String(n).padStart(2, '0');

export const withCheckDigit = (length: number) =>
  digits(length - 1).map((d) => `${d}${gtinCheckDigit(d)}`);

/**
 * Text from GS1's 82 characters, minus two things the forms cannot carry by design: `<GS>` (a
 * default separator string) and digits in parentheses (which open an AI in human-readable text).
 */
export const xText = (maxLength: number) =>
  chars(X82, 1, maxLength).filter((v) => !v.includes('<GS>') && !/\(\d{2,4}\)/.test(v));

/** A YYMMDD that exists when read in 2026, with or without day 00. */
const yymmdd = (dayZero: boolean) =>
  fc
    .record({ yy: fc.nat({ max: 99 }), month: fc.integer({ min: 1, max: 12 }), day: fc.nat() })
    .map(({ yy, month, day }) => {
      const last = daysInMonth(gs1FullYear(yy, 2026), month);
      return [yy, month, dayZero ? day % (last + 1) : (day % last) + 1].map(pad2).join('');
    });

/** A set of GS1 fields, each AI at most once, in any order. */
export const gs1Fields: fc.Arbitrary<Gs1FieldInput[]> = fc
  .record(
    {
      '01': withCheckDigit(14),
      '10': xText(20),
      '21': xText(20),
      '17': yymmdd(true),
      '11': yymmdd(true),
      '3103': digits(6),
      '30': chars('0123456789', 1, 8),
      '240': xText(30),
      '7003': fc
        .tuple(yymmdd(false), fc.nat({ max: 23 }), fc.nat({ max: 59 }))
        .map(([date, h, m]) => `${date}${pad2(h)}${pad2(m)}`),
      '422': digits(3),
      '91': xText(90),
    },
    { requiredKeys: [] },
  )
  .map((record) => Object.entries(record).map(([ai, value]) => ({ ai, value })))
  .chain((fields) => fc.shuffledSubarray(fields, { minLength: fields.length }))
  .filter((fields) => fields.length > 0);

export const hibccPrimary: fc.Arbitrary<HibccPrimaryFields> = fc.record({
  lic: fc
    .tuple(chars('ABCDEFGHIJKLMNOPQRSTUVWXYZ', 1, 1), chars(ALNUM, 3, 3))
    .map((p) => p.join('')),
  product: chars(ALNUM, 1, 18),
  unitOfMeasure: fc.nat({ max: 9 }),
});

const isoDate = fc
  .record({
    year: fc.integer({ min: 2000, max: 2099 }),
    month: fc.integer({ min: 1, max: 12 }),
    day: fc.nat(),
  })
  .map(({ year, month, day }) =>
    formatIsoDate({ year, month, day: (day % daysInMonth(year, month)) + 1 }),
  );
const FORMATS: HibccDateFormat[] = ['MMYY', 'MMDDYY', 'YYMMDD', 'YYMMDDHH', 'YYJJJ', 'YYJJJHH'];
const lotOrSerial = chars(`${ALNUM}-.`, 1, 18);

export const hibccSecondary: fc.Arbitrary<HibccSecondaryFields> = fc.record(
  {
    lot: lotOrSerial,
    serial: lotOrSerial,
    quantity: fc.nat({ max: 99_999 }),
    expiry: fc.record({
      date: isoDate,
      format: fc.constantFrom(...FORMATS),
      hour: fc.nat({ max: 23 }),
    }),
    manufactureDate: isoDate,
  },
  { requiredKeys: [] },
);

/** What parsing should give back for secondary fields: MMYY keeps only the month (its last day). */
export function expectedHibccSecondary(fields: HibccSecondaryFields) {
  const { expiry } = fields;
  let expiryIso = expiry?.date;
  if (expiry?.format === 'MMYY') {
    const [year = 0, month = 0] = expiry.date.split('-').map(Number);
    expiryIso = formatIsoDate({ year, month, day: daysInMonth(year, month) });
  }
  return {
    lot: fields.lot,
    serial: fields.serial,
    quantity: fields.quantity,
    expiry: expiryIso,
    // The hour-carrying formats keep their hour (an encoder without one writes 00).
    expiryTime: expiry?.format.endsWith('HH')
      ? `${String(expiry.hour ?? 0).padStart(2, '0')}:00`
      : undefined,
    productionDate: fields.manufactureDate,
  };
}
