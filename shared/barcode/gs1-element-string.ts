import { scanError } from './error-codes';
import { gs1Ai, gs1AiAt } from './gs1-ai';
import { validateGs1Value, type Gs1Field } from './gs1-field';
import { GS } from './scan-input';
import { firstSeparatorStandIn, separatorStandInAt } from './separator-stand-in';
import type { ScanError } from './types';

export type Gs1FieldsParse =
  | { ok: true; fields: Gs1Field[] }
  /** `fieldsRead` tells the caller whether the text was recognisably GS1 before it went wrong. */
  | { ok: false; error: ScanError; fieldsRead: number };

/**
 * Splits a GS1 element string (GS already standing for every FNC1 after the first) into fields.
 * A field whose length is predefined by its AI ends after that many characters; every other field
 * ends at GS or at the end of the data. Where a separator was dropped the data is refused, never
 * guessed at: the field then runs on and is too long, or the next AI is unknown.
 */
export function parseGs1ElementString(text: string, todayYear: number): Gs1FieldsParse {
  const fields: Gs1Field[] = [];
  const fail = (error: ScanError): Gs1FieldsParse => ({
    ok: false,
    error,
    fieldsRead: fields.length,
  });
  let position = 0;
  // A GS right after a predefined-length field is redundant but harmless, so it is let through once.
  let redundantGsAllowed = false;

  while (position < text.length) {
    if (text.charAt(position) === GS) {
      if (!redundantGsAllowed) return fail(scanError('GS1_SEPARATOR_MISPLACED', {}, position));
      redundantGsAllowed = false;
      position++;
      continue;
    }
    const definition = gs1AiAt(text, position);
    const standIn = definition ? undefined : separatorStandInAt(text, position);
    if (standIn !== undefined) {
      const before = fields.at(-1);
      return fail(standInError(standIn, before && after(before.ai), position));
    }
    if (!definition) {
      const rest = text.slice(position);
      const shown = rest.slice(0, 12);
      const code =
        fields.length > 0 && !/^\d{2}/.test(rest) ? 'GS1_LEFTOVER_DATA' : 'GS1_UNKNOWN_AI';
      return fail(scanError(code, { text: shown.replaceAll(GS, '<GS>') }, position));
    }
    const aiStart = position;
    const valueStart = position + definition.ai.length;
    let valueEnd: number;
    if (definition.predefinedLength) {
      valueEnd = Math.min(valueStart + definition.maxLength, text.length);
      const gs = text.indexOf(GS, valueStart);
      if (gs !== -1 && gs < valueEnd) valueEnd = gs;
      position = valueEnd;
      redundantGsAllowed = true;
    } else {
      const gs = text.indexOf(GS, valueStart);
      valueEnd = gs === -1 ? text.length : gs;
      // A separator the scanner sent as something else: refused, and said so, never read as data.
      const misSent = firstSeparatorStandIn(text, valueStart, valueEnd);
      if (misSent) return fail(standInError(misSent.standIn, after(definition.ai), misSent.at));
      // The separator belongs to the field it ends; one after the last field is tolerated too.
      position = gs === -1 ? text.length : gs + 1;
      redundantGsAllowed = false;
    }
    const value = text.slice(valueStart, valueEnd);
    const problem = validateGs1Value(definition, value, {
      todayYear,
      tooLongCode: 'GS1_FIELD_TOO_LONG',
    });
    if (problem) {
      const at = problem.code === 'GS1_FIELD_TOO_SHORT' ? aiStart : valueStart + problem.offset;
      return fail(scanError(problem.code, problem.params, at));
    }
    fields.push({ ai: definition.ai, value, position: aiStart });
  }
  if (fields.length === 0) return fail(scanError('EMPTY'));
  return { ok: true, fields };
}

function after(ai: string): string {
  return ` after (${ai}) ${gs1Ai(ai)?.title ?? ''}`.trimEnd();
}

function standInError(standIn: string, where: string | undefined, position: number): ScanError {
  return scanError(
    'GS1_SEPARATOR_STAND_IN',
    { standIn, where: where ?? ' at the start' },
    position,
  );
}
