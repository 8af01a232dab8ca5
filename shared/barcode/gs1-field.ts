import { describeCharacter, type ErrorCode, type MessageParams } from './error-codes';
import type { Gs1AiDefinition, Gs1Charset, Gs1Component } from './gs1-ai';
import { gtinCheckDigit } from './gs1-check-digit';
import { isValidGs1Date, isValidTimePart, yyyymmddToIso } from './gs1-date';

/** One AI and its value as found in a scan; `position` is where the AI starts in the clean text. */
export interface Gs1Field {
  ai: string;
  value: string;
  position: number;
}

/** What is wrong with a value; `offset` counts from the value's first character. */
export interface FieldProblem {
  code: ErrorCode;
  params: MessageParams;
  offset: number;
}

export interface FieldContext {
  /** Undefined when encoding: dates are then checked without knowing their century. */
  todayYear: number | undefined;
  /** In a scan an over-long field means a dropped separator; in typed text it is just too long. */
  tooLongCode: 'GS1_FIELD_TOO_LONG' | 'GS1_VALUE_TOO_LONG';
}

interface CharsetRule {
  allowed: string;
  /** 1 at each ASCII code the set holds: one lookup per character of a scan, not a regex. */
  table: Uint8Array;
}

/** `pattern` matches one character of the set. */
function charsetRule(pattern: RegExp, allowed: string): CharsetRule {
  const table = new Uint8Array(128);
  for (let code = 0; code < 128; code++) {
    if (pattern.test(String.fromCharCode(code))) table[code] = 1;
  }
  return { allowed, table };
}

// Every set is ASCII: a code unit past 127 is outside all of them.
const CHARSETS: Record<Gs1Charset, CharsetRule> = {
  N: charsetRule(/^[0-9]$/, 'digits only'),
  X: charsetRule(
    /^[!"%&'()*+,\-./0-9:;<=>?A-Z_a-z]$/,
    "GS1's 82 characters: letters, digits and !\"%&'()*+,-./:;<=>?_ but no space or ^",
  ),
  Y: charsetRule(/^[#\-/0-9A-Z]$/, 'capital letters, digits, # - /'),
  Z: charsetRule(/^[A-Za-z0-9\-_=]$/, 'letters, digits, - and _'),
};

export function validateGs1Value(
  definition: Gs1AiDefinition,
  value: string,
  context: FieldContext,
): FieldProblem | undefined {
  const { ai, title, minLength, maxLength } = definition;
  if (value.length > maxLength) {
    return { code: context.tooLongCode, params: { ai, title, max: maxLength }, offset: maxLength };
  }
  if (value.length < minLength) return tooShort(definition, minLength, value.length);
  let offset = 0;
  for (const component of definition.components) {
    const remaining = value.length - offset;
    if (component.optional && remaining === 0) break;
    const fixed = component.min === component.max;
    if (fixed && remaining < component.max) {
      return tooShort(definition, offset + component.max, value.length);
    }
    const part = value.slice(offset, offset + Math.min(remaining, component.max));
    const problem = checkComponent(definition, component, part, value, context);
    if (problem) return { ...problem, offset: offset + problem.offset };
    offset += part.length;
  }
  return undefined;
}

function tooShort(definition: Gs1AiDefinition, expected: number, actual: number): FieldProblem {
  const { ai, title, minLength, maxLength } = definition;
  const unit = expected === 1 ? 'character' : 'characters';
  const needs = minLength === maxLength ? `${expected} ${unit}` : `at least ${expected} ${unit}`;
  return { code: 'GS1_FIELD_TOO_SHORT', params: { ai, title, expected: needs, actual }, offset: 0 };
}

function checkComponent(
  definition: Gs1AiDefinition,
  component: Gs1Component,
  part: string,
  value: string,
  context: FieldContext,
): FieldProblem | undefined {
  const { ai, title } = definition;
  const charset = CHARSETS[component.charset];
  for (let i = 0; i < part.length; i++) {
    const code = part.charCodeAt(i);
    if (code > 127 || charset.table[code] !== 1) {
      const char = describeCharacter(String.fromCodePoint(part.codePointAt(i) ?? 0));
      const params = { ai, title, char, allowed: charset.allowed };
      return { code: 'GS1_BAD_CHARSET', params, offset: i };
    }
  }
  for (const check of component.checks) {
    if (check === 'csum') {
      const expected = gtinCheckDigit(part.slice(0, -1));
      if (expected !== Number(part.slice(-1))) {
        const params = { ai, title, value: part, expected };
        return { code: 'GS1_CHECK_DIGIT', params, offset: part.length - 1 };
      }
    } else if (!isValidDatePart(check, part, context.todayYear)) {
      return { code: 'GS1_BAD_DATE', params: { ai, title, value }, offset: 0 };
    }
  }
  return undefined;
}

function isValidDatePart(check: string, part: string, todayYear: number | undefined): boolean {
  switch (check) {
    case 'yymmd0':
    case 'yymmdd':
      return isValidGs1Date(part, { todayYear, dayZeroAllowed: check === 'yymmd0' });
    case 'yyyymmdd':
      return yyyymmddToIso(part) !== undefined;
    default:
      return isValidTimePart(check, part);
  }
}
