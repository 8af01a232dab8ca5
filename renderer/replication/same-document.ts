/** Fields RxDB keeps for itself; they never belong to the replicated state. */
const LOCAL_FIELDS = new Set(['_meta', '_rev', '_attachments']);

/**
 * Deep equality of two replicated states, independent of key order (the server stores JSONB, which
 * reorders keys) and blind to keys whose value is undefined. RxDB calls this very often and
 * synchronously, so it stops at the first difference. `_deleted: false` equals no `_deleted`.
 */
export function sameDocument(a: unknown, b: unknown, top = true): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((value, i) => sameDocument(value, b[i], false));
  }
  if (!a || !b || typeof a !== 'object' || typeof b !== 'object') return false;
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  const keep = (object: Record<string, unknown>) =>
    Object.keys(object).filter(
      (k) =>
        object[k] !== undefined &&
        !(top && (LOCAL_FIELDS.has(k) || (k === '_deleted' && object[k] === false))),
    );
  const keys = keep(left);
  const otherKeys = keep(right);
  if (keys.length !== otherKeys.length) return false;
  return keys.every((k) => Object.hasOwn(right, k) && sameDocument(left[k], right[k], false));
}
