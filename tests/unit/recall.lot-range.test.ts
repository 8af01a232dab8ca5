import { describe, expect, it } from 'vitest';
import { compileLotRange, inLotRange, lotRangeProblem } from '../../shared/recall';

const within = (from: string, to: string, lot: string) =>
  inLotRange(compileLotRange({ from, to }), lot);

describe('lot ranges: regular ranges compare same-shape codes in ordinal order', () => {
  it.each([
    ['A1000', 'A1999', 'A1000', true],
    ['A1000', 'A1999', 'A1999', true],
    ['A1000', 'A1999', 'A1234', true],
    ['A1000', 'A1999', 'A0999', false],
    ['A1000', 'A1999', 'A2000', false],
    ['A1000', 'A1999', 'A999', false], // shorter: never numerically compared
    ['A1000', 'A1999', 'A10000', false],
    ['A1000', 'A1999', 'a1500', false], // never case-folded
    ['A1000', 'A1999', 'AA500', false], // letter where the range has a digit
    ['A100', 'C100', 'B999', true], // ends differ in the letter: ordinal order decides
    ['A100', 'C100', 'C101', false],
    ['1A00', '3A00', '2A50', true],
    ['1A00', '3A00', '2B00', false], // both ends carry A there: so must the lot
    ['0001', '0100', '0050', true],
    ['0001', '0100', '50', false], // zeros are never stripped
    ['24-001', '24-120', '24-099', true],
    ['24-001', '24-120', '24/099', false],
    ['24-001', '24-120', ' 24-099 ', true], // trimmed like every lot code
    ['A1000', 'A1999', '', false],
  ])('%s–%s contains %s: %s', (from, to, lot, expected) => {
    expect(within(from, to, lot)).toBe(expected);
  });
});

describe('lot ranges: irregular ranges match only their ends and say why', () => {
  it.each([
    ['A100', 'A1000', 'LOT_RANGE_LENGTHS_DIFFER'],
    ['A100', '1A00', 'LOT_RANGE_SHAPES_DIFFER'],
    ['A200', 'A100', 'LOT_RANGE_REVERSED'],
    ['', 'A100', 'LOT_RANGE_EMPTY_END'],
  ])('%s–%s is %s', (from, to, code) => {
    const problem = lotRangeProblem({ from, to });
    expect(problem?.code).toBe(code);
    expect(problem?.message).toContain('only those two lots will match');
    if (to !== '') expect(within(from, to, to)).toBe(true);
    if (from !== '') expect(within(from, to, from)).toBe(true);
    expect(within(from, to, 'A150')).toBe(false);
  });

  it('a regular range has no problem', () => {
    expect(lotRangeProblem({ from: 'A100', to: 'A100' })).toBeNull();
    expect(within('A100', 'A100', 'A100')).toBe(true);
  });
});
