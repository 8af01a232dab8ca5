import { digitAt, isAllDigits } from './char-codes';

/**
 * The GS1 mod-10 check digit (GTIN, SSCC, GLN, …): weights 3, 1, 3, 1… from the rightmost data digit
 * leftwards; check = (10 − sum mod 10) mod 10. Weight 3 is coprime to 10, so every single-digit
 * error changes the result.
 */
export function gtinCheckDigit(digits: string): number {
  if (!isAllDigits(digits)) throw new RangeError(`gtinCheckDigit needs digits, got "${digits}"`);
  return checkDigitOf(digits, digits.length);
}

/** The check digit of `digits`' first `length` characters, known to be digits. */
function checkDigitOf(digits: string, length: number): number {
  let sum = 0;
  for (let i = 0; i < length; i++) {
    const weight = i % 2 === 0 ? 3 : 1;
    sum += digitAt(digits, length - 1 - i) * weight;
  }
  return (10 - (sum % 10)) % 10;
}

/** Whether the last digit of `digits` is the check digit of the ones before it. */
export function hasValidCheckDigit(digits: string): boolean {
  return (
    digits.length >= 2 &&
    isAllDigits(digits) &&
    checkDigitOf(digits, digits.length - 1) === digitAt(digits, digits.length - 1)
  );
}
