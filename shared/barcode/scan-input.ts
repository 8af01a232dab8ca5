/**
 * What arrives from a scanner is not yet the barcode's data: keyboard-wedge suffixes, an AIM
 * symbology identifier, Code 39 start/stop asterisks, the FNC1 that zxing reports as a leading GS,
 * and separator strings standing in for GS. This module takes them off and remembers where every
 * remaining character came from, so that error positions point into what was scanned.
 */

import { isDigit } from './char-codes';

export const GS = '\u001d';

/** AIM identifiers of symbols that carry GS1 element strings (FNC1 in first position). */
const GS1_SYMBOLOGIES: ReadonlySet<string> = new Set([']C1', ']d2', ']Q3', ']e0', ']J1']);
const GS_CODE = 0x1d;
const ASTERISK = 0x2a;
const PLUS = 0x2b;
const CLOSING_BRACKET = 0x5d;
export const DEFAULT_SEPARATORS: readonly string[] = ['<GS>', '{GS}'];

export interface ScanInput {
  text: string;
  /** Index in the raw scan of `text`'s first character. */
  offset: number;
  symbology?: string;
  /** The identifier says GS1 (e.g. `]C1`, `]d2`). */
  gs1Symbology: boolean;
  /** A leading GS (FNC1 in first position) was taken off: the data is a GS1 element string. */
  fnc1First: boolean;
}

export function readScanInput(raw: string, suffixes: readonly string[]): ScanInput {
  let start = 0;
  let end = raw.length;
  for (let changed = true; changed && end > start;) {
    changed = false;
    if (isLineEnd(raw.charCodeAt(end - 1))) {
      end--;
      changed = true;
    }
    for (const suffix of suffixes) {
      if (
        suffix !== '' &&
        end - start >= suffix.length &&
        raw.startsWith(suffix, end - suffix.length)
      ) {
        end -= suffix.length;
        changed = true;
      }
    }
  }
  let symbology: string | undefined;
  if (hasAimIdentifier(raw, start, end)) {
    symbology = raw.slice(start, start + 3);
    start += 3;
  }
  // Code 39 scanners set to transmit start/stop characters wrap HIBCC data in asterisks.
  if (
    end - start >= 3 &&
    raw.charCodeAt(start) === ASTERISK &&
    raw.charCodeAt(start + 1) === PLUS &&
    raw.charCodeAt(end - 1) === ASTERISK
  ) {
    start++;
    end--;
  }
  const fnc1First = start < end && raw.charCodeAt(start) === GS_CODE;
  if (fnc1First) start++;
  const text = start === 0 && end === raw.length ? raw : raw.slice(start, end);
  const gs1Symbology = symbology !== undefined && GS1_SYMBOLOGIES.has(symbology);
  return symbology === undefined
    ? { text, offset: start, gs1Symbology, fnc1First }
    : { text, offset: start, symbology, gs1Symbology, fnc1First };
}

/** CR, LF or tab: what a keyboard wedge ends a scan with. */
function isLineEnd(code: number): boolean {
  return code === 13 || code === 10 || code === 9;
}

/** `]` + letter + letter or digit at `start`, as an AIM symbology identifier is sent. */
function hasAimIdentifier(raw: string, start: number, end: number): boolean {
  if (end - start < 3 || raw.charCodeAt(start) !== CLOSING_BRACKET) return false;
  const kind = raw.charCodeAt(start + 1);
  const modifier = raw.charCodeAt(start + 2);
  return isAsciiLetter(kind) && (isAsciiLetter(modifier) || isDigit(modifier));
}

function isAsciiLetter(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

export interface SeparatedText {
  text: string;
  /**
   * For each character of `text`, its index in the input's text (one extra entry for the end).
   * Left out when no separator string was replaced, as in most scans: the index is then the
   * position plus `shift` (1 where a leading GS was taken off, else 0).
   */
  origin?: number[];
  shift: number;
}

/** Where `position` of the separated text was in the input's text. */
export function originOf(separated: SeparatedText, position: number, inputLength: number): number {
  if (separated.origin === undefined) {
    return position <= separated.text.length ? position + separated.shift : inputLength;
  }
  return separated.origin[position] ?? inputLength;
}

/**
 * Replaces separator strings with GS (longest first, so `<GS>` wins over a configured `<`), and
 * takes off one leading FNC1 if the scanner sent it as a separator string.
 */
export function replaceSeparators(input: ScanInput, separators: readonly string[]): SeparatedText {
  const source = input.text;
  let candidates: string[] | undefined;
  for (const separator of separators) {
    if (separator !== '' && source.includes(separator)) {
      candidates = separators.filter((s) => s !== '').sort((a, b) => b.length - a.length);
      break;
    }
  }
  if (candidates === undefined) {
    // No separator string occurs, so the text stays as it is (a GS sent as GS is already GS).
    if (!input.fnc1First && source.charCodeAt(0) === GS_CODE) {
      return { text: source.slice(1), shift: 1 };
    }
    return { text: source, shift: 0 };
  }
  let text = '';
  const origin: number[] = [];
  for (let i = 0; i < source.length;) {
    const separator = candidates.find((s) => source.startsWith(s, i));
    text += separator === undefined ? source.charAt(i) : GS;
    origin.push(i);
    i += separator?.length ?? 1;
  }
  origin.push(source.length);
  if (!input.fnc1First && text.startsWith(GS)) {
    return { text: text.slice(1), origin: origin.slice(1), shift: 0 };
  }
  return { text, origin, shift: 0 };
}
