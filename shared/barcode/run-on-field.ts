import { gs1Ai, gs1AiAt } from './gs1-ai';
import { parseGs1ElementString } from './gs1-element-string';
import type { Gs1Field } from './gs1-field';

/**
 * Where a variable-length field may have swallowed the fields after it. A scanner that drops the
 * GS after a lot sends `…10FC2409A21FS000123`, and the parser, which never guesses, reads one lot
 * `FC2409A21FS000123`: valid GS1, wrong lot. The parser cannot refuse it (a lot may hold digits),
 * so the scan decision asks here whether the value reads as a shorter value followed by more AIs,
 * and compares those shorter values with the lots it knows and the recalled ones.
 */
export interface RunOnSplit {
  /** The field the value would be if the scanner had sent its separator. */
  head: string;
  /** What the rest reads as, when parsed as the element string it probably was. */
  tail: Gs1Field[];
  /**
   * The rest holds a field a lot code is very unlikely to contain by chance: a calendar date, or a
   * fixed-length number with a valid check digit. `…21…` alone reads as a serial after almost any
   * text, so a split found only that way is weak evidence.
   */
  strong: boolean;
}

// Dates and check-digit numbers validate what they read: a random tail rarely passes.
const STRONG_AIS = new Set(['00', '01', '02', '11', '12', '13', '15', '16', '17', '7003']);

/** Every way `value` (the value of variable-length `ai`) splits into a head and valid GS1 fields. */
export function runOnSplits(ai: string, value: string, todayYear: number): RunOnSplit[] {
  const definition = gs1Ai(ai);
  if (!definition || definition.predefinedLength) return [];
  const splits: RunOnSplit[] = [];
  for (let at = 1; at < value.length - 1; at++) {
    if (!gs1AiAt(value, at)) continue;
    const rest = parseGs1ElementString(value.slice(at), todayYear);
    if (!rest.ok) continue;
    splits.push({
      head: value.slice(0, at),
      tail: rest.fields.map((f) => ({ ...f, position: f.position + at })),
      strong: rest.fields.some((f) => STRONG_AIS.has(f.ai)),
    });
  }
  return splits;
}
