import { normaliseLotCode, type LotRange } from '../model';

/**
 * Lot ranges on recall notices ("lots A1000 through A1999") are read as printed: no case folding,
 * no zero stripping, no numeric parsing. The rule we chose, because notices rarely define it:
 *
 * - A range is regular when both ends have the same length, digits in the same positions, and
 *   `from` ≤ `to` in ordinal (UTF-16 code unit) order.
 * - A lot is in a regular range when it has that same length and digit positions, carries the
 *   same character wherever both ends carry the same non-digit (so "2B00" is not in
 *   "1A00"–"3A00"), and sits between the ends in ordinal order.
 * - An irregular range matches only its two ends exactly, and `lotRangeProblem` says why, so the
 *   person who loads the notice can ask the source to spell it out.
 *
 * Ordinal order of same-shape codes is numeric order on the digit runs, which is what "through"
 * means on a notice; comparing codes of other shapes would let "A2" fall between "A10" and "A30".
 */

export type LotRangeProblemCode =
  | 'LOT_RANGE_LENGTHS_DIFFER'
  | 'LOT_RANGE_SHAPES_DIFFER'
  | 'LOT_RANGE_REVERSED'
  | 'LOT_RANGE_EMPTY_END';

export interface LotRangeProblem {
  code: LotRangeProblemCode;
  from: string;
  to: string;
  message: string;
}

const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';

function sameDigitPositions(a: string, b: string): boolean {
  for (let i = 0; i < a.length; i++) if (isDigit(a[i]) !== isDigit(b[i])) return false;
  return true;
}

export function lotRangeProblem(range: LotRange): LotRangeProblem | null {
  const from = normaliseLotCode(range.from);
  const to = normaliseLotCode(range.to);
  const problem = (code: LotRangeProblemCode, why: string): LotRangeProblem => ({
    code,
    from,
    to,
    message: `Lot range "${from}" to "${to}" ${why}; only those two lots will match. Ask the source to list the lots.`,
  });
  if (from === '' || to === '') return problem('LOT_RANGE_EMPTY_END', 'has an empty end');
  if (from.length !== to.length)
    return problem('LOT_RANGE_LENGTHS_DIFFER', 'has ends of different lengths');
  if (!sameDigitPositions(from, to)) {
    return problem('LOT_RANGE_SHAPES_DIFFER', 'has ends with digits in different places');
  }
  if (from > to) return problem('LOT_RANGE_REVERSED', 'starts after it ends');
  return null;
}

/** A range prepared once for many lookups. */
export interface CompiledLotRange {
  readonly from: string;
  readonly to: string;
  readonly regular: boolean;
}

export function compileLotRange(range: LotRange): CompiledLotRange {
  return {
    from: normaliseLotCode(range.from),
    to: normaliseLotCode(range.to),
    regular: lotRangeProblem(range) === null,
  };
}

export function inLotRange(range: CompiledLotRange, lotCode: string): boolean {
  const lot = normaliseLotCode(lotCode);
  if (lot === '') return false;
  if (!range.regular) return lot === range.from || lot === range.to;
  const { from, to } = range;
  if (lot.length !== from.length) return false;
  for (let i = 0; i < lot.length; i++) {
    const c = lot[i];
    const f = from[i];
    if (isDigit(c) !== isDigit(f)) return false;
    if (!isDigit(f) && f === to[i] && c !== f) return false;
  }
  return from <= lot && lot <= to;
}
