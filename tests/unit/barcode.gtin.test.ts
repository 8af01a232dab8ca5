import { describe, expect, it } from 'vitest';
import { gtinCheckDigit } from '../../shared/barcode/index';
import { expectVector, loadVectors } from './barcode.vectors';

describe('plain GTINs', () => {
  it.each(loadVectors('gtin'))('$name', expectVector);
});

describe('gtinCheckDigit', () => {
  it.each([
    ['9638507', 4],
    ['03600029145', 2],
    ['400638133393', 1],
    ['0950400005910', 1],
    ['09504000000000002', 8],
    ['0', 0],
    ['1', 7],
  ])('%s → %i', (digits, check) => expect(gtinCheckDigit(digits)).toBe(check));

  it('weights from the rightmost data digit, so leading zeros change nothing', () => {
    expect(gtinCheckDigit('000400638133393')).toBe(gtinCheckDigit('400638133393'));
  });

  it('refuses anything but digits', () => {
    expect(() => gtinCheckDigit('12a4')).toThrow(RangeError);
    expect(() => gtinCheckDigit('')).toThrow(RangeError);
  });
});
