import { gs1AiAt } from './gs1-ai';

/**
 * What scanners set up otherwise send in place of GS (FNC1): caret notation for Ctrl+] (`^]`), the
 * character a keyboard layout turns Ctrl+] or 0x1D into (`@`, `^`, `~`, `|`, `#`), or a stand-in
 * string this PC was not told to replace (written in another case or bracket, or as an escape).
 * Upper case, as they are compared; longest first, so `^]` is found before `^`.
 */
const STAND_INS: readonly string[] = [
  '\\U001D',
  '<FNC1>',
  '{FNC1}',
  '[FNC1]',
  '\\X1D',
  '<GS>',
  '{GS}',
  '[GS]',
  '^]',
  '@',
  '^',
  '~',
  '|',
  '#',
];

const FIRST_CHARACTERS = new Set(STAND_INS.map((standIn) => standIn.charAt(0)));

/**
 * The stand-in for GS that starts at `position`, when one does and a GS1 field follows it: only
 * then is it a separator a scanner mis-sent rather than a character of the data. Letters compare
 * in any case (`<gs>` is `<GS>` typed by a scanner with Caps Lock on).
 */
export function separatorStandInAt(text: string, position: number): string | undefined {
  if (!FIRST_CHARACTERS.has(text.charAt(position))) return undefined;
  for (const standIn of STAND_INS) {
    const sent = text.slice(position, position + standIn.length);
    if (sent.toUpperCase() !== standIn) continue;
    return gs1AiAt(text, position + standIn.length) ? sent : undefined;
  }
  return undefined;
}

/** The first stand-in for GS in `text[from, to)` that a GS1 field follows, with where it starts. */
export function firstSeparatorStandIn(
  text: string,
  from: number,
  to: number,
): { at: number; standIn: string } | undefined {
  for (let at = from; at < to; at++) {
    const standIn = separatorStandInAt(text, at);
    if (standIn !== undefined) return { at, standIn };
  }
  return undefined;
}
