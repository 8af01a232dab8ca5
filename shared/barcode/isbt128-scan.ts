import { describeCharacter, scanError } from './error-codes';
import { mod37_2Character, mod37_2CheckCharacter } from './isbt128-check';
import { isbt128DateToIso, readIsbt128Date } from './isbt128-date';
import { isbt128StructureAt, type Isbt128StructureKey } from './isbt128-structures';
import type { Isbt128Info, ScanError, ScanResult, ScanSuccess } from './types';

/**
 * Printable ASCII without lower case: data identifiers use punctuation, data capitals and digits.
 * Anything else is refused before the structures are read, so a Caps Lock or keyboard-layout
 * problem is named as such rather than as a malformed structure.
 */
const ISBT128_CHARACTERS = /^[!-`{-~]$/;

/**
 * Reads ISBT 128 data structures (`=…`, `&…`), one from a linear symbol or several concatenated
 * as a 2-D symbol carries them. Each structure's value is checked in full; a structure this app
 * does not read, a repeated one with another value, or leftover characters refuse the whole scan,
 * because a 2-D symbol's structures cannot be told apart once one is misread.
 */
export function parseIsbt128(text: string, symbology: string | undefined): ScanResult {
  const fail = (error: ScanError): ScanResult => ({
    ok: false,
    standard: 'ISBT128',
    ...(symbology === undefined ? {} : { symbology }),
    error,
  });
  for (let i = 0; i < text.length; i++) {
    if (!ISBT128_CHARACTERS.test(text.charAt(i))) {
      const char = describeCharacter(String.fromCodePoint(text.codePointAt(i) ?? 0));
      return fail(scanError('ISBT128_BAD_CHARACTER', { char }, i));
    }
  }
  const values = new Map<Isbt128StructureKey, string>();
  let compound: { count: number; type: string; position: number; read: number } | undefined;
  for (let at = 0; at < text.length;) {
    const structure = isbt128StructureAt(text, at);
    if (!structure) {
      return fail(scanError('ISBT128_UNKNOWN_STRUCTURE', { text: text.slice(at, at + 3) }, at));
    }
    const start = at + structure.identifier.length;
    const value = text.slice(start, start + structure.length);
    const params = { title: structure.title, id: structure.identifier };
    if (value.length < structure.length) {
      const counts = { expected: structure.length, actual: value.length };
      return fail(scanError('ISBT128_TOO_SHORT', { ...params, ...counts }, at));
    }
    if (!structure.pattern.test(value)) {
      return fail(scanError('ISBT128_BAD_VALUE', { ...params, value, shape: structure.shape }, at));
    }
    const error = checkValue(structure.key, value, params, at);
    if (error) return fail(error);
    if (structure.key === 'compound') {
      if (at !== 0 || compound) {
        return fail(
          scanError('ISBT128_COMPOUND_MISPLACED', { header: text.slice(at, start + 5) }, at),
        );
      }
      compound = { count: Number(value.slice(0, 2)), type: value.slice(2), position: at, read: 0 };
    } else {
      const first = values.get(structure.key);
      if (first !== undefined && first !== value) {
        return fail(scanError('ISBT128_DUPLICATE', { ...params, first, second: value }, at));
      }
      values.set(structure.key, value);
      if (compound) compound.read++;
    }
    at = start + structure.length;
  }
  if (compound && compound.read !== compound.count) {
    const header = `=+${String(compound.count).padStart(2, '0')}${compound.type}`;
    const counts = { header, expected: compound.count, actual: compound.read };
    return fail(scanError('ISBT128_COMPOUND_COUNT', counts, compound.position));
  }
  return success(values, compound, symbology);
}

function checkValue(
  key: Isbt128StructureKey,
  value: string,
  params: { title: string; id: string },
  at: number,
): ScanError | undefined {
  if (key === 'expiry' || key === 'production') {
    const date = readIsbt128Date(value);
    if (!date.ok) {
      const { year, daysInYear } = date;
      const day = value.slice(3);
      return scanError('ISBT128_BAD_DATE', { ...params, value, year, day, daysInYear }, at);
    }
  }
  if (key === 'compound' && Number(value.slice(0, 2)) < 2) {
    const shape = 'a compound message joins 2 to 99 data structures';
    return scanError('ISBT128_BAD_VALUE', { ...params, value, shape }, at);
  }
  if (key === 'din') {
    // Flags 60–96 carry the DIN's MOD 37-2 check character (its value plus 60).
    const flags = /^\d\d$/.test(value.slice(13)) ? Number(value.slice(13)) : 0;
    const found = flags >= 60 && flags <= 96 ? mod37_2Character(flags - 60) : undefined;
    const expected = mod37_2CheckCharacter(value.slice(0, 13));
    if (found !== undefined && found !== expected) {
      const din = value.slice(0, 13);
      return scanError('ISBT128_CHECK_CHARACTER', { din, found, expected }, at);
    }
  }
  return undefined;
}

function success(
  values: ReadonlyMap<Isbt128StructureKey, string>,
  compound: { count: number; type: string } | undefined,
  symbology: string | undefined,
): ScanSuccess {
  const productCode = values.get('productCode');
  const din = values.get('din');
  const expiryRaw = values.get('expiry');
  const productionRaw = values.get('production');
  const info: Isbt128Info = {
    ...(productCode === undefined ? {} : { productCode, facility: productCode.slice(0, 5) }),
    ...(din === undefined ? {} : { din: din.slice(0, 13), dinFlags: din.slice(13) }),
    ...(productionRaw === undefined ? {} : { productionRaw }),
    ...(compound === undefined ? {} : { compound: { count: compound.count, type: compound.type } }),
  };
  const lot = values.get('mphoLot');
  const serial = values.get('productDivisions');
  return {
    ok: true,
    standard: 'ISBT128',
    form: 'isbt128',
    ...(symbology === undefined ? {} : { symbology }),
    ...(lot === undefined ? {} : { lot }),
    ...(serial === undefined ? {} : { serial }),
    ...(expiryRaw === undefined ? {} : { expiry: isbt128DateToIso(expiryRaw), expiryRaw }),
    ...(productionRaw === undefined ? {} : { productionDate: isbt128DateToIso(productionRaw) }),
    ...(Object.keys(info).length === 0 ? {} : { isbt128: info }),
    warnings: [],
  };
}
