import { ERROR_MESSAGES } from './error-codes';
import { gs1Ai, type Gs1AiDefinition } from './gs1-ai';
import { DIGITAL_LINK_KEYS } from './gs1-digital-link';
import { validateGs1Value } from './gs1-field';
import { GS } from './scan-input';

/**
 * Encoders for labels we print and for tests. Their input is the program's own data, not a scan,
 * so a value GS1 would refuse is a programming error and throws a RangeError naming the code.
 */

export interface Gs1FieldInput {
  ai: string;
  value: string;
}

function definitionOf(field: Gs1FieldInput): Gs1AiDefinition {
  const definition = gs1Ai(field.ai);
  if (!definition) throw new RangeError(`GS1_UNKNOWN_AI: (${field.ai}) is not a GS1 AI`);
  const problem = validateGs1Value(definition, field.value, {
    todayYear: undefined,
    tooLongCode: 'GS1_VALUE_TOO_LONG',
  });
  if (problem) {
    throw new RangeError(
      `${problem.code}: (${field.ai}) "${field.value}" (${ERROR_MESSAGES[problem.code]})`,
    );
  }
  return definition;
}

/** The data of a GS1 symbol, FNC1 as GS: a separator only after a variable-length field that is not last. */
export function encodeGs1ElementString(fields: readonly Gs1FieldInput[]): string {
  return fields
    .map((field, i) => {
      const separator = !definitionOf(field).predefinedLength && i < fields.length - 1 ? GS : '';
      return `${field.ai}${field.value}${separator}`;
    })
    .join('');
}

/** The text printed under a GS1 barcode: `(01)09504000059101(17)290331`. */
export function encodeGs1HumanReadable(fields: readonly Gs1FieldInput[]): string {
  return fields.map((field) => `(${definitionOf(field).ai})${field.value}`).join('');
}

/**
 * A GS1 Digital Link URI on `base` (scheme, host and optional path prefix). The first field whose
 * AI is a primary key goes in the path with its qualifiers in their fixed order; every other field
 * becomes a query parameter.
 */
export function encodeDigitalLink(base: string, fields: readonly Gs1FieldInput[]): string {
  if (!/^https?:\/\/[^/?#\s]+(\/[^?#\s]*)?$/i.test(base)) {
    throw new RangeError(`DL_BAD_URI: "${base}" is not an http(s) base address`);
  }
  fields.forEach(definitionOf);
  const key = fields.find((field) => field.ai in DIGITAL_LINK_KEYS);
  if (!key) throw new RangeError('DL_BAD_URI: a Digital Link needs a primary key such as (01)');
  const present = (ai: string) => fields.some((field) => field.ai === ai);
  const alternatives = DIGITAL_LINK_KEYS[key.ai] ?? [];
  const qualifiers = alternatives.find((sequence) => sequence.some(present)) ?? [];
  const inPath = [key, ...qualifiers.flatMap((ai) => fields.filter((field) => field.ai === ai))];
  const path = inPath.map((field) => `/${field.ai}/${encodeURIComponent(field.value)}`).join('');
  const query = fields
    .filter((field) => !inPath.includes(field))
    .map((field) => `${field.ai}=${encodeURIComponent(field.value)}`)
    .join('&');
  return `${base.replace(/\/+$/, '')}${path}${query === '' ? '' : `?${query}`}`;
}
