import {
  RECALL_CASE_STEPS,
  type RecallCase,
  type RecallCaseStep,
  type RecallClass,
  type RecallNotice,
} from '../model';
import type { IssuedAfterFlag, NoticeIssueFlags } from './issued-lot-flags';
import { entryFor, stepIndex } from './recall-case-flow';
import type { StockMatch } from './stock-match';

/**
 * The report a recall case closes with: who did each step and when, what happened to the units,
 * how fast the facility responded (DOMAIN.md §5: received → all quarantined, received → closed),
 * and where units issued before the notice went, so clinical staff can act.
 */

export interface ClosingReportStep {
  step: RecallCaseStep;
  at: string;
  by: string;
  note?: string;
  units?: number;
}

export interface DepartmentIssues {
  /** Department the units went to; null when the issue did not record one. */
  department: string | null;
  units: number;
  lots: { itemId: string; lotCode: string; units: number }[];
}

export interface ClosingReport {
  caseId: string;
  facilityId: string;
  notice: {
    id: string;
    number: string;
    class: RecallClass;
    title: string;
    source: string;
    issuedAt: string;
    effectiveAt: string;
  };
  closed: boolean;
  steps: ClosingReportStep[];
  /** Steps passed over by an allowed skip (nothing matched, nothing to dispose). */
  skippedSteps: RecallCaseStep[];
  disposition?: RecallCase['disposition'];
  units: {
    /** On hand and matching when the stock match was run. */
    matchedOnHand: number;
    /** Matching units not yet quarantined in that match. */
    stillToQuarantine: number;
    quarantined: number;
    counted: number | null;
    disposed: number | null;
  };
  responseTimes: {
    /** Null when the quarantine step was skipped (nothing matched) or not reached. */
    receivedToQuarantinedMs: number | null;
    receivedToClosedMs: number | null;
    /** From when the recall took effect: what the source measures the facility by. */
    effectiveToQuarantinedMs: number | null;
    effectiveToClosedMs: number | null;
  };
  issuedBeforeNotice: DepartmentIssues[];
  issuedAfterEffective: IssuedAfterFlag[];
  /** Units issued after the recall took effect and not reversed. */
  outstandingAfterEffective: number;
  /** What an auditor should look at before signing off, in words. */
  openPoints: string[];
}

export type ClosingReportResult =
  | { ok: true; value: ClosingReport }
  | { ok: false; error: { code: 'NOTICE_MISMATCH'; message: string } };

const unitsWord = (n: number): string => (n === 1 ? '1 unit' : `${n} units`);

function elapsed(from: string | undefined, to: string | undefined): number | null {
  if (from === undefined || to === undefined) return null;
  const ms = Date.parse(to) - Date.parse(from);
  return Number.isNaN(ms) ? null : ms;
}

function byDepartment(issued: NoticeIssueFlags): DepartmentIssues[] {
  const departments = new Map<string | null, DepartmentIssues>();
  for (const flag of issued.issuedBeforeEffective) {
    if (flag.reversed) continue;
    const key = flag.department ?? null;
    let dept = departments.get(key);
    if (!dept) departments.set(key, (dept = { department: key, units: 0, lots: [] }));
    dept.units += flag.quantity;
    const lot = dept.lots.find((l) => l.itemId === flag.itemId && l.lotCode === flag.lotCode);
    if (lot) lot.units += flag.quantity;
    else dept.lots.push({ itemId: flag.itemId, lotCode: flag.lotCode, units: flag.quantity });
  }
  const text = (s: string | null) => s ?? '\uffff';
  return [...departments.values()].sort((a, b) =>
    text(a.department) < text(b.department) ? -1 : 1,
  );
}

export function closingReport(
  rc: RecallCase,
  notice: RecallNotice,
  matches: StockMatch,
  issued: NoticeIssueFlags,
): ClosingReportResult {
  const mismatch = [rc.noticeId, matches.noticeId, issued.noticeId].find((id) => id !== notice.id);
  if (mismatch !== undefined) {
    return {
      ok: false,
      error: {
        code: 'NOTICE_MISMATCH',
        message: `The case, stock match and issue list must all be for notice ${notice.number}; one is for ${mismatch}. Run the report again from the case.`,
      },
    };
  }

  const steps = rc.history.map(({ step, at, by, note, units }) => ({
    step,
    at,
    by,
    ...(note !== undefined ? { note } : {}),
    ...(units !== undefined ? { units } : {}),
  }));
  const reached = stepIndex(rc.step);
  const skippedSteps = RECALL_CASE_STEPS.filter(
    (s) => stepIndex(s) < reached && entryFor(rc, s) === undefined,
  );
  const received = entryFor(rc, 'received')?.at;
  const closed = entryFor(rc, 'closed');

  const openPoints: string[] = [];
  if (!closed) openPoints.push(`The case is not closed; it stands at "${rc.step}".`);
  if (matches.totals.toQuarantine > 0) {
    openPoints.push(
      `${unitsWord(matches.totals.toQuarantine)} matching the notice had not been quarantined when stock was last matched.`,
    );
  }
  if (matches.toCheck.length > 0) {
    openPoints.push(
      `${matches.toCheck.length} stock ${matches.toCheck.length === 1 ? 'lot' : 'lots'} could not be matched from the record (no lot or expiry) and need a label check.`,
    );
  }
  const outstandingAfter = issued.outstandingAfter;
  if (outstandingAfter > 0) {
    openPoints.push(
      `${unitsWord(outstandingAfter)} issued after the recall took effect ${outstandingAfter === 1 ? 'is' : 'are'} still out.`,
    );
  }
  if (issued.outstandingBefore > 0) {
    openPoints.push(
      `${unitsWord(issued.outstandingBefore)} issued before the recall ${issued.outstandingBefore === 1 ? 'is' : 'are'} in departments; tell clinical staff.`,
    );
  }
  if (issued.cannotTell.some((f) => !f.reversed)) {
    openPoints.push(
      'Some issues of this product cannot be matched from the record; check them with the departments.',
    );
  }

  const report: ClosingReport = {
    caseId: rc.id,
    facilityId: rc.facilityId,
    notice: {
      id: notice.id,
      number: notice.number,
      class: notice.class,
      title: notice.title,
      source: notice.source,
      issuedAt: notice.issuedAt,
      effectiveAt: notice.effectiveAt,
    },
    closed: closed !== undefined,
    steps,
    skippedSteps,
    units: {
      matchedOnHand: matches.totals.onHand,
      stillToQuarantine: matches.totals.toQuarantine,
      quarantined: rc.quarantinedUnits,
      counted: entryFor(rc, 'counted')?.units ?? null,
      disposed: entryFor(rc, 'disposed')?.units ?? null,
    },
    responseTimes: {
      receivedToQuarantinedMs: elapsed(received, entryFor(rc, 'quarantined')?.at),
      receivedToClosedMs: elapsed(received, closed?.at),
      effectiveToQuarantinedMs: elapsed(notice.effectiveAt, entryFor(rc, 'quarantined')?.at),
      effectiveToClosedMs: elapsed(notice.effectiveAt, closed?.at),
    },
    issuedBeforeNotice: byDepartment(issued),
    issuedAfterEffective: issued.issuedAfterEffective,
    outstandingAfterEffective: outstandingAfter,
    openPoints,
  };
  if (rc.disposition !== undefined) report.disposition = rc.disposition;
  return { ok: true, value: report };
}
