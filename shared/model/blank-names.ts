import type { CollectionName } from './collections';
import type { FieldError } from './validate';

/**
 * A name nobody can read. JSON Schema's minLength lets "   " through, and ERPs send it: a
 * fixed-width description column with nothing in it arrives as spaces. A tech would then scan an
 * item whose card has no name, or pick a location from a list of blank lines. Zero-width
 * characters count as blank too: they draw nothing.
 */
const INVISIBLE = /^[\s\u200B-\u200D\u2060\uFEFF]*$/u;

export function isBlankName(text: string): boolean {
  return INVISIBLE.test(text);
}

/** The fields the centre's documents show people by, per collection. */
const NAME_FIELDS: Partial<Record<CollectionName, readonly string[]>> = {
  items: ['name'],
  locations: ['name'],
  users: ['name'],
  recall_notices: ['title'],
  deliveries: ['supplier'],
};

/** The name fields of `doc` that hold no visible character. */
export function blankNameProblems(
  collection: CollectionName,
  doc: Readonly<Record<string, unknown>>,
): FieldError[] {
  return (NAME_FIELDS[collection] ?? []).flatMap((field) => {
    const value = doc[field];
    return typeof value === 'string' && isBlankName(value)
      ? [{ field, message: `${field} holds no visible character; send the name people see` }]
      : [];
  });
}
