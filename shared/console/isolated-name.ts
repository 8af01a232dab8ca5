/**
 * Names held by the centre may contain bidirectional controls (SAFE_NAME_PATTERN allows them: it
 * is part of the PCs' stored schemas). Printed inside a sentence, a right-to-left override (U+202E)
 * in one name reverses the words after it: "Ward 7 (FAC-7) for 3 × saline" could read as another
 * facility, quantity or item. A name holding any such control is set inside a first-strong
 * isolate (U+2068 … U+2069), which ends every embedding and override it opened, so only the name
 * itself can read reversed. Its own isolate controls are dropped: a stray U+2069 would close ours
 * early. A name without controls is returned unchanged, so ordinary names, exports and searches
 * are untouched. Screens that render markup isolate with `<bdi>` as well.
 */
const BIDI_CONTROL = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/;
const ISOLATE_CONTROLS = /[\u2066-\u2069]/g;

export function isolatedName(name: string): string {
  if (!BIDI_CONTROL.test(name)) return name;
  return `\u2068${name.replace(ISOLATE_CONTROLS, '')}\u2069`;
}
