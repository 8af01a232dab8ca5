import { isDigit } from './char-codes';
import { scanError } from './error-codes';
import { gs1Ai } from './gs1-ai';
import type { Gs1FieldsParse } from './gs1-element-string';
import { validateGs1Value, type Gs1Field } from './gs1-field';
import type { ScanError } from './types';

/** Where an AI in parentheses was found: `(` at `index`, the marker `length` characters long. */
interface AiMarker {
  index: number;
  ai: string;
  length: number;
}

/**
 * Reads the form printed under a barcode and typed or pasted by people:
 * `(01)09504000059101(17)290331(10)ABC`. Two to four digits in parentheses always open the next
 * AI; GS1 values may hold parentheses, but never around bare digits on any label we know of.
 * Spaces around values are dropped: people type them, and GS1 values never hold one.
 */
export function parseGs1HumanReadable(text: string, todayYear: number): Gs1FieldsParse {
  const fields: Gs1Field[] = [];
  const fail = (error: ScanError): Gs1FieldsParse => ({
    ok: false,
    error,
    fieldsRead: fields.length,
  });
  const markers = aiMarkers(text);
  if (markers[0]?.index !== 0) {
    const detail = 'it must start with an AI in parentheses, such as (01)';
    return fail(scanError('GS1_HR_MALFORMED', { detail }, 0));
  }
  for (let i = 0; i < markers.length; i++) {
    const marker = markers[i] as AiMarker;
    const { ai } = marker;
    const definition = gs1Ai(ai);
    if (!definition) return fail(scanError('GS1_UNKNOWN_AI', { text: `(${ai})` }, marker.index));
    const valueStart = marker.index + marker.length;
    const raw = text.slice(valueStart, markers[i + 1]?.index ?? text.length);
    const value = raw.trim();
    const problem = validateGs1Value(definition, value, {
      todayYear,
      tooLongCode: 'GS1_VALUE_TOO_LONG',
    });
    if (problem) {
      const leadingSpaces = raw.length - raw.trimStart().length;
      return fail(
        scanError(problem.code, problem.params, valueStart + leadingSpaces + problem.offset),
      );
    }
    fields.push({ ai, value, position: marker.index });
  }
  return { ok: true, fields };
}

/**
 * Every `(` + two to four digits + `)`, left to right without overlap: what the regex
 * /\((\d{2,4})\)/g finds, read off char codes since every typed or printed scan goes through it.
 */
export function aiMarkers(text: string): AiMarker[] {
  const markers: AiMarker[] = [];
  for (let i = text.indexOf('('); i !== -1; i = text.indexOf('(', i)) {
    let digits = 0;
    while (digits <= 4 && isDigit(text.charCodeAt(i + 1 + digits))) digits++;
    const close = i + 1 + digits;
    if (digits >= 2 && digits <= 4 && text.charCodeAt(close) === CLOSING_PARENTHESIS) {
      markers.push({ index: i, ai: text.slice(i + 1, close), length: digits + 2 });
      i = close + 1;
    } else {
      i++;
    }
  }
  return markers;
}

const CLOSING_PARENTHESIS = 0x29;
