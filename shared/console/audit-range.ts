/**
 * An audit search from `since` (inclusive) to `until` (exclusive) that starts at or after its end
 * matches no line whatever the log holds: the console said only "No line matches." and a person
 * concluded nothing had happened. The endpoint refuses such a range and the console says so first.
 */
export function auditRangeReversed(since: string | undefined, until: string | undefined): boolean {
  if (!since || !until) return false;
  return Date.parse(since) >= Date.parse(until);
}
