/**
 * ISO/IEC 7064 MOD 37-2, the check ISBT 128 uses: a pure system over 0–9 and A–Z (values 0–35),
 * radix 2, modulus 37, so the check character may also be `*` (value 36).
 */
const CHECK_CHARACTERS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ*';

/** The MOD 37-2 check character of `data` (digits and capital letters only). */
export function mod37_2CheckCharacter(data: string): string {
  let sum = 0;
  for (const char of data) {
    const value = CHECK_CHARACTERS.indexOf(char);
    if (value < 0 || value > 35) throw new RangeError(`"${char}" has no MOD 37-2 value`);
    sum = ((sum + value) * 2) % 37;
  }
  return CHECK_CHARACTERS.charAt((38 - sum) % 37);
}

/** The check character a check value (0–36) stands for, as ISBT 128 flags 60–96 carry it. */
export function mod37_2Character(value: number): string | undefined {
  return Number.isInteger(value) && value >= 0 && value <= 36
    ? CHECK_CHARACTERS.charAt(value)
    : undefined;
}
