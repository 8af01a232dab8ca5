/**
 * What arrives from a scanner is not yet the barcode's data: keyboard-wedge suffixes, an AIM
 * symbology identifier, Code 39 start/stop asterisks, the FNC1 that zxing reports as a leading GS,
 * and separator strings standing in for GS. This module takes them off and remembers where every
 * remaining character came from, so that error positions point into what was scanned.
 */

export const GS = '\u001d';

/** AIM identifiers of symbols that carry GS1 element strings (FNC1 in first position). */
const GS1_SYMBOLOGIES: ReadonlySet<string> = new Set([']C1', ']d2', ']Q3', ']e0', ']J1']);
const AIM_IDENTIFIER = /^\][A-Za-z][0-9A-Za-z]/;
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
    if ('\r\n\t'.includes(raw.charAt(end - 1))) {
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
  if (AIM_IDENTIFIER.test(raw.slice(start, end))) {
    symbology = raw.slice(start, start + 3);
    start += 3;
  }
  // Code 39 scanners set to transmit start/stop characters wrap HIBCC data in asterisks.
  if (
    end - start >= 3 &&
    raw.charAt(start) === '*' &&
    raw.charAt(start + 1) === '+' &&
    raw.charAt(end - 1) === '*'
  ) {
    start++;
    end--;
  }
  const fnc1First = raw.charAt(start) === GS && start < end;
  if (fnc1First) start++;
  return {
    text: raw.slice(start, end),
    offset: start,
    ...(symbology === undefined ? {} : { symbology }),
    gs1Symbology: symbology !== undefined && GS1_SYMBOLOGIES.has(symbology),
    fnc1First,
  };
}

export interface SeparatedText {
  text: string;
  /** For each character of `text`, its index in the input's text (one extra entry for the end). */
  origin: number[];
}

/**
 * Replaces separator strings with GS (longest first, so `<GS>` wins over a configured `<`), and
 * takes off one leading FNC1 if the scanner sent it as a separator string.
 */
export function replaceSeparators(input: ScanInput, separators: readonly string[]): SeparatedText {
  const candidates = separators.filter((s) => s !== '').sort((a, b) => b.length - a.length);
  let text = '';
  const origin: number[] = [];
  for (let i = 0; i < input.text.length;) {
    const separator = candidates.find((s) => input.text.startsWith(s, i));
    text += separator === undefined ? input.text.charAt(i) : GS;
    origin.push(i);
    i += separator?.length ?? 1;
  }
  origin.push(input.text.length);
  if (!input.fnc1First && text.startsWith(GS)) {
    return { text: text.slice(1), origin: origin.slice(1) };
  }
  return { text, origin };
}
