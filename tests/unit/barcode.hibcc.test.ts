import { describe, expect, it } from 'vitest';
import {
  encodeHibccConcatenated,
  encodeHibccPrimary,
  encodeHibccSecondary,
  hibccCheckCharacter,
  linkHibccScans,
  parseScan,
} from '../../shared/barcode/index';
import { expectVector, loadVectors } from './barcode.vectors';

const TODAY = { today: '2026-11-23' };
const PRIMARY = { lic: 'H123', product: 'CAT100', unitOfMeasure: 1 };

describe('HIBCC', () => {
  it.each(loadVectors('hibcc'))('$name', expectVector);
});

describe('hibccCheckCharacter', () => {
  it.each([
    ['+A123BJC5D6E71', 'G'],
    ['+H123CAT1001', 'V'],
    ['+H123CAT1091', '/'],
    ['+H123CAT1071', ' '],
    ['+', '+'],
  ])('%s → "%s"', (data, check) => expect(hibccCheckCharacter(data)).toBe(check));

  it('refuses characters outside the HIBCC set', () => {
    expect(() => hibccCheckCharacter('+a')).toThrow(RangeError);
  });
});

describe('encoding', () => {
  it('encodes a primary', () => {
    expect(encodeHibccPrimary({ lic: 'A123', product: 'BJC5D6E7', unitOfMeasure: 1 })).toBe(
      '+A123BJC5D6E71G',
    );
  });

  it('encodes a secondary with its link character', () => {
    const secondary = encodeHibccSecondary(
      { lot: 'LOT123', expiry: { date: '2029-03-31', format: 'YYMMDD' } },
      'V',
    );
    expect(secondary).toBe(`+$$3290331LOT123V${hibccCheckCharacter('+$$3290331LOT123V')}`);
    const linked = linkHibccScans(
      parseScan(encodeHibccPrimary(PRIMARY), TODAY),
      parseScan(secondary, TODAY),
    );
    expect(linked).toMatchObject({ ok: true, lot: 'LOT123', expiry: '2029-03-31' });
  });

  it.each([
    ['MMYY', '$$0329'],
    ['MMDDYY', '$$2033129'],
    ['YYMMDD', '$$3290331'],
    ['YYMMDDHH', '$$429033114'],
    ['YYJJJ', '$$529090'],
    ['YYJJJHH', '$$62909014'],
  ] as const)('writes %s expiry dates as %s', (format, prefix) => {
    const data = encodeHibccConcatenated(PRIMARY, {
      lot: 'L1',
      expiry: { date: '2029-03-31', format, hour: 14 },
    });
    expect(data.slice(0, -1)).toBe(`+H123CAT1001/${prefix}L1`);
    expect(parseScan(data, TODAY)).toMatchObject({ ok: true, expiry: '2029-03-31', lot: 'L1' });
  });

  it('puts a serial next to a lot into /S, and quantity before the date', () => {
    const data = encodeHibccConcatenated(PRIMARY, {
      lot: 'L1',
      serial: 'S9',
      quantity: 150,
      manufactureDate: '2026-01-15',
    });
    expect(data.slice(0, -1)).toBe('+H123CAT1001/$$9001507L1/SS9/16D20260115');
  });

  it('refuses what HIBCC cannot carry', () => {
    expect(() => encodeHibccPrimary({ lic: '1ABC', product: 'X', unitOfMeasure: 1 })).toThrow(
      /HIBCC_BAD_LIC/,
    );
    expect(() => encodeHibccPrimary({ ...PRIMARY, unitOfMeasure: 10 })).toThrow(RangeError);
    expect(() => encodeHibccConcatenated(PRIMARY, { lot: 'l1' })).toThrow(RangeError);
    expect(() => encodeHibccConcatenated(PRIMARY, { quantity: 100_000 })).toThrow(RangeError);
    const lastCentury = { lot: 'L', expiry: { date: '1999-12-31', format: 'YYMMDD' as const } };
    expect(() => encodeHibccConcatenated(PRIMARY, lastCentury)).toThrow(/HIBCC_BAD_DATE/);
    expect(() => encodeHibccSecondary({}, 'V')).toThrow(/HIBCC_MALFORMED/);
  });
});

describe('linking two scans', () => {
  it('needs a primary and a secondary', () => {
    const gs1 = parseScan('0109504000059101', TODAY);
    const secondary = parseScan(encodeHibccSecondary({ lot: 'L1' }, 'V'), TODAY);
    const result = linkHibccScans(gs1, secondary);
    expect(result.ok || result.error.code).toBe('HIBCC_MALFORMED');
  });

  it('passes a refused scan through', () => {
    const refused = parseScan('+H123CAT1001W', TODAY);
    const primary = parseScan('+H123CAT1001V', TODAY);
    expect(linkHibccScans(refused, primary)).toBe(refused);
    expect(linkHibccScans(primary, refused)).toBe(refused);
  });
});
