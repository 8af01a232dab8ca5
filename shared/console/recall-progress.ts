import type { RecallCase, RecallClass, RecallNotice } from '../model';
import { RECALL_CASE_STEPS } from '../model/recall-case';
import { recallScope, type ItemNaming, type RecallScope } from './recall-scope';

/**
 * A recall's progress across the network, as the console's Recalls screen shows it: per facility
 * the units matched, quarantined and disposed, how far its case got, and how long it took from the
 * notice to everything in quarantine. A facility past the quarantine time for the notice's class
 * is late. Time is a parameter.
 */
export const QUARANTINE_DUE_HOURS: Readonly<Record<RecallClass, number>> = {
  I: 24,
  II: 72,
  III: 168,
};

export interface FacilityRecallProgress {
  facilityId: string;
  caseId: string | null;
  /** The case's furthest step, or 'not started' when the facility has no case yet. */
  step: string;
  matched: number | null;
  quarantined: number;
  disposed: number | null;
  /** When everything matched was in quarantine (or nothing matched); null while not. */
  quarantinedAt: string | null;
  /** Hours from the notice to all-quarantined; null while not. */
  hoursToQuarantine: number | null;
  dueAt: string;
  late: boolean;
}

export interface RecallProgress {
  noticeId: string;
  number: string;
  title: string;
  class: RecallClass;
  status: string;
  issuedAt: string;
  facilities: FacilityRecallProgress[];
  lateCount: number;
  scope: RecallScope;
}

const QUARANTINED = RECALL_CASE_STEPS.indexOf('quarantined');
const HOUR = 3_600_000;

function entryUnits(rc: RecallCase, step: string): number | null {
  const entry = rc.history.find((h) => h.step === step);
  return entry?.units ?? null;
}

function quarantinedAt(rc: RecallCase): string | null {
  const matched = rc.history.find((h) => h.step === 'matched');
  if (matched && matched.units === 0) return matched.at;
  if (RECALL_CASE_STEPS.indexOf(rc.step) < QUARANTINED) return null;
  const entry = rc.history.find((h) => h.step === 'quarantined');
  // A merged history may lack the step's entry: the first step past it stands in.
  const after = rc.history.find((h) => RECALL_CASE_STEPS.indexOf(h.step) >= QUARANTINED);
  return entry?.at ?? after?.at ?? null;
}

export function recallProgress(
  notice: RecallNotice,
  cases: readonly RecallCase[],
  facilityIds: readonly string[],
  now: string,
  items: readonly ItemNaming[] = [],
): RecallProgress {
  const start = Date.parse(notice.issuedAt);
  const due = start + QUARANTINE_DUE_HOURS[notice.class] * HOUR;
  // A notice stored before the date-time rule refused leap seconds may not parse: shown as sent.
  const dueAt = Number.isFinite(due) ? new Date(due).toISOString() : notice.issuedAt;
  const byFacility = new Map(
    cases.filter((c) => c.noticeId === notice.id).map((c) => [c.facilityId, c]),
  );
  const ids = [...new Set([...facilityIds, ...byFacility.keys()])].sort();
  const facilities = ids.map((facilityId): FacilityRecallProgress => {
    const rc = byFacility.get(facilityId);
    if (!rc) {
      return {
        facilityId,
        caseId: null,
        step: 'not started',
        matched: null,
        quarantined: 0,
        disposed: null,
        quarantinedAt: null,
        hoursToQuarantine: null,
        dueAt,
        late: notice.status === 'open' && Date.parse(now) > due,
      };
    }
    const at = quarantinedAt(rc);
    return {
      facilityId,
      caseId: rc.id,
      step: rc.step,
      matched: entryUnits(rc, 'matched'),
      quarantined: rc.quarantinedUnits,
      disposed: entryUnits(rc, 'disposed'),
      quarantinedAt: at,
      hoursToQuarantine: at ? Math.round(((Date.parse(at) - start) / HOUR) * 10) / 10 : null,
      dueAt,
      late: at ? Date.parse(at) > due : notice.status === 'open' && Date.parse(now) > due,
    };
  });
  return {
    noticeId: notice.id,
    number: notice.number,
    title: notice.title,
    class: notice.class,
    status: notice.status,
    issuedAt: notice.issuedAt,
    facilities,
    lateCount: facilities.filter((f) => f.late).length,
    scope: recallScope(notice, items),
  };
}
