/**
 * Character tests on UTF-16 code units, for the per-scan hot paths: the same answers as `/^\d+$/`
 * and friends (`\d` without the u flag is ASCII 0–9 only) without running a regex per character.
 */

export function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/** `text` from `from` up to `to` is non-empty and all ASCII digits, as `/^\d+$/` answers. */
export function isAllDigits(text: string, from = 0, to = text.length): boolean {
  if (to <= from) return false;
  for (let i = from; i < to; i++) if (!isDigit(text.charCodeAt(i))) return false;
  return true;
}

/** The digit at `index` as a number (the caller has checked it is one). */
export function digitAt(text: string, index: number): number {
  return text.charCodeAt(index) - 48;
}
