import type { RecallCase, RecallCaseEntry } from '../model';
import { stepIndex } from './recall-case-flow';

/**
 * Merge two versions of one facility's recall case — what the PCs of a facility do when two of
 * them recorded steps of the same case offline (the RxDB conflict handler calls this).
 *
 * - step: the furthest of the two, so a merge never moves the case backwards;
 * - history: the union of both, identical entries once, in workflow order (step, then time);
 * - quarantinedUnits: the larger figure — each version's figure is what its quarantine step said,
 *   and of two counts of the same shelf the larger is the one that must not be forgotten;
 * - disposition: the one recorded; if two PCs recorded different ones, the larger by text, so the
 *   result is the same whichever order they arrive in (both entries stay in the history).
 *
 * Every field is a maximum over a total order, which makes the merge commutative, associative and
 * idempotent: every PC reaches the same case whatever order the versions meet in.
 */

export type RecallCaseMerge =
  | { ok: true; value: RecallCase }
  | { ok: false; error: { code: 'MERGE_DIFFERENT_CASES'; message: string } };

/** Codepoint order: the same on every machine, unlike localeCompare. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function instant(value: string): number {
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? Number.NEGATIVE_INFINITY : ms;
}

/** Workflow order, then time, then the remaining fields so that only identical entries tie. */
export function compareCaseEntries(a: RecallCaseEntry, b: RecallCaseEntry): number {
  const ia = instant(a.at);
  const ib = instant(b.at);
  return (
    stepIndex(a.step) - stepIndex(b.step) ||
    (ia === ib ? 0 : ia < ib ? -1 : 1) ||
    compareText(a.at, b.at) ||
    compareText(a.by, b.by) ||
    compareText(a.note ?? '', b.note ?? '') ||
    (a.note === undefined ? 0 : 1) - (b.note === undefined ? 0 : 1) ||
    (a.units ?? -1) - (b.units ?? -1)
  );
}

/** One entry without undefined keys, so identical entries are structurally identical. */
function cleanEntry(entry: RecallCaseEntry): RecallCaseEntry {
  const clean: RecallCaseEntry = { step: entry.step, at: entry.at, by: entry.by };
  if (entry.note !== undefined) clean.note = entry.note;
  if (entry.units !== undefined) clean.units = entry.units;
  return clean;
}

export function unionCaseHistories(...histories: readonly RecallCaseEntry[][]): RecallCaseEntry[] {
  const sorted = histories.flat().map(cleanEntry).sort(compareCaseEntries);
  const kept: RecallCaseEntry[] = [];
  for (const entry of sorted) {
    const previous = kept[kept.length - 1];
    if (previous === undefined || compareCaseEntries(previous, entry) !== 0) kept.push(entry);
  }
  return kept;
}

export function mergeRecallCases(a: RecallCase, b: RecallCase): RecallCaseMerge {
  if (a.id !== b.id || a.facilityId !== b.facilityId || a.noticeId !== b.noticeId) {
    return {
      ok: false,
      error: {
        code: 'MERGE_DIFFERENT_CASES',
        message: `Recall case ${a.id} (notice ${a.noticeId}) and recall case ${b.id} (notice ${b.noticeId}) are different cases and cannot be merged: report this to support.`,
      },
    };
  }
  const merged: RecallCase = {
    id: a.id,
    facilityId: a.facilityId,
    noticeId: a.noticeId,
    step: stepIndex(b.step) > stepIndex(a.step) ? b.step : a.step,
    history: unionCaseHistories(a.history, b.history),
    quarantinedUnits: Math.max(a.quarantinedUnits, b.quarantinedUnits),
  };
  const disposition =
    a.disposition === undefined
      ? b.disposition
      : b.disposition === undefined || compareText(a.disposition, b.disposition) >= 0
        ? a.disposition
        : b.disposition;
  if (disposition !== undefined) merged.disposition = disposition;
  return { ok: true, value: merged };
}
