import { dayOfYear, parseIsoDate } from './calendar';
import { mod37_2CheckCharacter } from './isbt128-check';
import { ISBT128_STRUCTURES, type Isbt128StructureKey } from './isbt128-structures';

/**
 * ISBT 128 encoder for labels and tests. Input is the program's own data, so anything ISBT 128
 * cannot carry throws a RangeError rather than producing a label no scanner would accept.
 */
export interface Isbt128Fields {
  /** The processor product identification code, 16 characters. */
  productCode?: string;
  /** The 13-character donation identification number. */
  din?: string;
  /** The DIN's flags; `check` puts its MOD 37-2 check character there (flags 60–96). Default 00. */
  dinFlags?: string | 'check';
  productDivisions?: string;
  /** YYYY-MM-DD, 2000–2999. */
  expiry?: string;
  /** YYYY-MM-DD, 2000–2999. */
  production?: string;
  mphoLot?: string;
  /** Start with a compound message header of this 3-digit type (2-D symbols). */
  compoundType?: string;
}

/** The structures one after another, as a 2-D symbol carries them. */
export function encodeIsbt128(fields: Isbt128Fields): string {
  return encodeIsbt128Structures(fields).join('');
}

/** One string per data structure, as separate linear symbols carry them. */
export function encodeIsbt128Structures(fields: Isbt128Fields): string[] {
  const values: [Isbt128StructureKey, string | undefined][] = [
    ['productCode', fields.productCode],
    ['productDivisions', fields.productDivisions],
    ['din', fields.din === undefined ? undefined : fields.din + dinFlags(fields)],
    ['expiry', fields.expiry === undefined ? undefined : cyyjjj(fields.expiry)],
    ['production', fields.production === undefined ? undefined : cyyjjj(fields.production)],
    ['mphoLot', fields.mphoLot],
  ];
  const structures = values.flatMap(([key, value]) => {
    if (value === undefined) return [];
    const structure = ISBT128_STRUCTURES.find((s) => s.key === key);
    if (!structure?.pattern.test(value)) {
      throw new RangeError(`ISBT128_BAD_VALUE: ${key} "${value}" must be ${structure?.shape}`);
    }
    return [`${structure.identifier}${value}`];
  });
  if (fields.compoundType === undefined) return structures;
  if (!/^\d{3}$/.test(fields.compoundType) || structures.length < 2) {
    throw new RangeError(
      'ISBT128_BAD_VALUE: a compound message has a 3-digit type and 2+ structures',
    );
  }
  const count = String(structures.length).padStart(2, '0');
  return [`=+${count}${fields.compoundType}`, ...structures];
}

function dinFlags(fields: Isbt128Fields): string {
  if (fields.dinFlags !== 'check') return fields.dinFlags ?? '00';
  const check = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ*'.indexOf(
    mod37_2CheckCharacter(fields.din ?? ''),
  );
  return String(60 + check);
}

function cyyjjj(iso: string): string {
  const date = parseIsoDate(iso);
  if (!date || date.year < 2000 || date.year > 2999) {
    throw new RangeError(`ISBT128_BAD_DATE: "${iso}" is not a date from 2000 to 2999`);
  }
  return `${String(date.year - 2000).padStart(3, '0')}${String(dayOfYear(date)).padStart(3, '0')}`;
}
