/** Fields RxDB adds locally that never belong to the replicated state. */
const LOCAL_FIELDS = ['_meta', '_rev', '_attachments'];

export type Doc = Record<string, unknown>;

/** The replicated state as RxDB compares it: local fields removed, `_deleted` kept as sent. */
export function replicatedState(doc: Doc): Doc {
  const copy: Doc = {};
  for (const [key, value] of Object.entries(doc)) {
    if (!LOCAL_FIELDS.includes(key)) copy[key] = value;
  }
  return copy;
}

/** Splits a pushed state into the stored document (validated) and its deletion flag. */
export function splitDeleted(doc: Doc): { body: Doc; deleted: boolean } {
  const { _deleted, ...body } = replicatedState(doc);
  return { body, deleted: _deleted === true };
}

export function withDeleted(body: Doc, deleted: boolean): Doc {
  return { ...body, _deleted: deleted };
}

/**
 * Deep equality independent of key order (JSONB reorders keys), so a stored document and the
 * client's copy of it compare equal exactly when their content is the same.
 */
export function sameContent(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((value, i) => sameContent(value, b[i]));
  }
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    const left = a as Doc;
    const right = b as Doc;
    const keys = Object.keys(left).filter((k) => left[k] !== undefined);
    const otherKeys = Object.keys(right).filter((k) => right[k] !== undefined);
    if (keys.length !== otherKeys.length) return false;
    return keys.every((k) => Object.hasOwn(right, k) && sameContent(left[k], right[k]));
  }
  return false;
}
