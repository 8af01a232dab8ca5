/** The 43 characters HIBCC uses, in mod-43 value order (Code 39's set). */
export const HIBCC_CHARACTERS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ-. $/+%';

/**
 * The mod-43 check character of `data`, which runs from the leading `+` up to (not including) the
 * check character itself.
 */
export function hibccCheckCharacter(data: string): string {
  let sum = 0;
  for (const char of data) {
    const value = HIBCC_CHARACTERS.indexOf(char);
    if (value === -1) throw new RangeError(`"${char}" is not an HIBCC character`);
    sum += value;
  }
  return HIBCC_CHARACTERS.charAt(sum % 43);
}
