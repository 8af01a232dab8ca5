import type { RequestHistoryEntry } from '../model';
import { STATUS_RANK } from './status-rank';

/** Codepoint order: the same on every machine, unlike localeCompare. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function instant(value: string): number {
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? Number.NEGATIVE_INFINITY : ms;
}

/**
 * Instants carry their device's offset, so text order is not time order ('09:30+01:00' is before
 * '09:00Z'). Compare the instant first, then the text so two spellings of one instant still have
 * a fixed order. Unparseable text sorts first rather than throwing.
 */
export function compareInstants(a: string, b: string): number {
  const ia = instant(a);
  const ib = instant(b);
  if (ia !== ib) return ia < ib ? -1 : 1;
  return compareText(a, b);
}

/**
 * The history order: by time, then by how far the status goes, then by who. The remaining fields
 * break the last ties so the order is total: two entries compare equal only when identical.
 */
export function compareHistoryEntries(a: RequestHistoryEntry, b: RequestHistoryEntry): number {
  const ia = instant(a.at);
  const ib = instant(b.at);
  if (ia !== ib) return ia < ib ? -1 : 1;
  return (
    STATUS_RANK[a.status] - STATUS_RANK[b.status] ||
    compareText(a.by, b.by) ||
    compareText(a.at, b.at) ||
    compareText(a.note ?? '', b.note ?? '') ||
    (a.note === undefined ? 0 : 1) - (b.note === undefined ? 0 : 1) ||
    compareText(extrasText(a), extrasText(b))
  );
}

/** The optional step details (quantities, policy, level) as one comparable text. */
function extrasText(entry: RequestHistoryEntry): string {
  const { lines, policyVersion, levels, level } = entry;
  if (
    lines === undefined &&
    policyVersion === undefined &&
    levels === undefined &&
    level === undefined
  )
    return '';
  return JSON.stringify([
    lines?.map((l) => [l.itemId, l.quantity]) ?? null,
    policyVersion ?? null,
    levels ?? null,
    level ?? null,
  ]);
}

/** One entry without an undefined `note` key, so identical entries are structurally identical. */
export function cleanEntry(entry: RequestHistoryEntry): RequestHistoryEntry {
  const { status, at, by, note, lines, policyVersion, levels, level } = entry;
  const clean: RequestHistoryEntry = { status, at, by };
  if (note !== undefined) clean.note = note;
  if (lines !== undefined)
    clean.lines = lines.map(({ itemId, quantity }) => ({ itemId, quantity }));
  if (policyVersion !== undefined) clean.policyVersion = policyVersion;
  if (levels !== undefined) clean.levels = levels;
  if (level !== undefined) clean.level = level;
  return clean;
}

/** Union of histories: sorted in the history order, identical entries kept once. */
export function unionHistories(
  ...histories: readonly RequestHistoryEntry[][]
): RequestHistoryEntry[] {
  const sorted = histories.flat().map(cleanEntry).sort(compareHistoryEntries);
  const kept: RequestHistoryEntry[] = [];
  let previous: RequestHistoryEntry | undefined;
  for (const entry of sorted) {
    if (previous === undefined || compareHistoryEntries(previous, entry) !== 0) kept.push(entry);
    previous = entry;
  }
  return kept;
}
