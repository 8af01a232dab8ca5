import { scanError } from './error-codes';
import { gs1Ai } from './gs1-ai';
import type { Gs1FieldsParse } from './gs1-element-string';
import { validateGs1Value, type Gs1Field } from './gs1-field';
import type { ScanError } from './types';

/**
 * GS1 Digital Link primary keys and the path qualifiers each allows, in their one permitted order
 * (GS1 Digital Link standard 1.x; the syntax dictionary's `dlpkey` attributes). Alternatives are
 * exclusive: `/01/…/235/…` or `/01/…/22/…/10/…/21/…`, never a mix.
 */
export const DIGITAL_LINK_KEYS: Readonly<Record<string, readonly (readonly string[])[]>> = {
  '00': [[]],
  '01': [['22', '10', '21'], ['235']],
  '253': [[]],
  '255': [[]],
  '401': [[]],
  '402': [[]],
  '414': [['254'], ['7040']],
  '415': [['8020']],
  '417': [['7040']],
  '8003': [[]],
  '8004': [['7040']],
  '8006': [['22', '10', '21']],
  '8010': [['8011']],
  '8013': [[]],
  '8017': [['8019']],
  '8018': [['8019']],
};

const URI = /^(https?:\/\/[^/?#]+)([^?#]*)(?:\?([^#]*))?(?:#.*)?$/i;

interface Segment {
  text: string;
  position: number;
}

/**
 * Reads `https://any.domain[/prefix]/01/<gtin14>[/22/…][/10/…][/21/…][?17=…&3103=…]`. The primary
 * key is the rightmost key AI that leaves whole AI/value pairs after it, so a path prefix may
 * contain anything. Query parameters that are not AIs are ignored.
 */
export function parseGs1DigitalLink(text: string, todayYear: number): Gs1FieldsParse {
  const fields: Gs1Field[] = [];
  const fail = (error: ScanError): Gs1FieldsParse => ({ ok: false, error, fieldsRead: 0 });
  const uri = URI.exec(text);
  if (!uri || [...text].some((c) => c <= ' ' || c === '\u007f')) {
    return fail(scanError('DL_BAD_URI', { detail: 'it is not a plain http(s) address' }, 0));
  }
  // GS1's syntax engine takes `https` or `HTTPS` (as upper-case QR alphanumeric mode encodes it)
  // and refuses a mix, which no conforming encoder produces.
  const scheme = text.slice(0, text.indexOf(':'));
  if (scheme !== scheme.toLowerCase() && scheme !== scheme.toUpperCase()) {
    const detail = `its scheme "${scheme}" mixes upper and lower case (write ${scheme.toLowerCase()} or ${scheme.toUpperCase()})`;
    return fail(scanError('DL_BAD_URI', { detail }, 0));
  }
  const origin = uri[1] ?? '';
  const path = uri[2] ?? '';
  let position = origin.length;
  const segments: Segment[] = path
    .split('/')
    .slice(1)
    .map((segment) => {
      const at = { text: segment, position: position + 1 };
      position += segment.length + 1;
      return at;
    });
  const trailingSlash = segments.length > 0 && segments.at(-1)?.text === '';
  if (trailingSlash) segments.pop();

  const keyIndex = findPrimaryKey(segments);
  if (keyIndex === undefined) return fail(scanError('UNKNOWN_FORMAT'));
  if (trailingSlash) return fail(scanError('DL_TRAILING_SLASH', {}, text.length - 1));

  const pairs: { ai: string; raw: string; position: number }[] = [];
  for (let i = keyIndex; i + 1 < segments.length; i += 2) {
    const ai = segments[i];
    const value = segments[i + 1];
    if (ai && value) pairs.push({ ai: ai.text, raw: value.text, position: ai.position });
  }
  const key = pairs[0]?.ai ?? '';
  const orderProblem = checkQualifierOrder(
    key,
    pairs.slice(1).map((p) => p.ai),
  );
  if (orderProblem) {
    const at = pairs.find((p) => p.ai === orderProblem.ai)?.position;
    return fail(scanError('DL_BAD_ORDER', { ...orderProblem, key }, at));
  }
  for (const parameter of (uri[3] ?? '').split('&')) {
    const equals = parameter.indexOf('=');
    const ai = equals === -1 ? parameter : parameter.slice(0, equals);
    if (!/^\d{2,4}$/.test(ai) || !gs1Ai(ai)) continue;
    const at = text.indexOf(parameter, origin.length + path.length);
    pairs.push({ ai, raw: equals === -1 ? '' : parameter.slice(equals + 1), position: at });
  }

  for (const pair of pairs) {
    const definition = gs1Ai(pair.ai);
    if (!definition) {
      return fail(scanError('GS1_UNKNOWN_AI', { text: pair.ai }, pair.position));
    }
    if (pair.raw === '') return fail(scanError('DL_EMPTY_VALUE', { ai: pair.ai }, pair.position));
    const value = percentDecode(pair.raw);
    if (value === undefined) {
      const detail = `the value of (${pair.ai}) has a broken %-escape`;
      return fail(scanError('DL_BAD_URI', { detail }, pair.position));
    }
    if (pair === pairs[0] && pair.ai === '01' && /^\d{13}$/.test(value)) {
      return fail(scanError('DL_GTIN13_IN_PATH', { value }, pair.position));
    }
    const problem = validateGs1Value(definition, value, {
      todayYear,
      tooLongCode: 'GS1_VALUE_TOO_LONG',
    });
    if (problem) return fail(scanError(problem.code, problem.params, pair.position));
    fields.push({ ai: pair.ai, value, position: pair.position });
  }
  return { ok: true, fields };
}

function findPrimaryKey(segments: readonly Segment[]): number | undefined {
  for (let i = segments.length - 2; i >= 0; i -= 2) {
    const candidate = segments[i]?.text ?? '';
    if (candidate in DIGITAL_LINK_KEYS) return i;
  }
  return undefined;
}

function checkQualifierOrder(
  key: string,
  qualifiers: readonly string[],
): { ai: string; allowed: string } | undefined {
  const alternatives = DIGITAL_LINK_KEYS[key] ?? [[]];
  const allowed =
    alternatives
      .filter((a) => a.length > 0)
      .map((a) => a.map((ai) => `(${ai})`).join(', '))
      .join(' or ') || 'nothing';
  const sequence = alternatives.find((a) => a.includes(qualifiers[0] ?? '')) ?? [];
  let last = -1;
  for (const ai of qualifiers) {
    const index = sequence.indexOf(ai);
    if (index <= last) return { ai, allowed };
    last = index;
  }
  return undefined;
}

function percentDecode(raw: string): string | undefined {
  try {
    return decodeURIComponent(raw);
  } catch {
    return undefined;
  }
}
