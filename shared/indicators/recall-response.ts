import type { RecallCase, RecallClass, RecallNotice } from '../model';
import { RECALL_CLASSES } from '../model';
import { HOUR_MS, inPeriod, instantOf, type Period } from './period';
import { spread, type Spread } from './stats';

export interface RecallCaseTimes {
  caseId: string;
  facilityId: string;
  noticeId: string;
  recallClass: RecallClass;
  receivedAt: string;
  /** Hours from the notice reaching the facility to every matched unit in quarantine. */
  hoursToQuarantined: number | null;
  /** Hours from the notice reaching the facility to the case closing. */
  hoursToClosed: number | null;
}

export interface RecallResponse {
  byClass: { recallClass: RecallClass; toQuarantined: Spread; toClosed: Spread }[];
  cases: RecallCaseTimes[];
}

const hoursBetween = (from: string, to: string | undefined): number | null => {
  if (to === undefined) return null;
  const a = instantOf(from);
  const b = instantOf(to);
  return a === undefined || b === undefined ? null : (b - a) / HOUR_MS;
};

/**
 * When every matched unit was in quarantine: the first quarantine step whose units reach what the
 * match found (a match of nothing is quarantined when it is matched).
 */
function allQuarantinedAt(history: RecallCase['history']): string | undefined {
  const matched = Math.max(
    0,
    ...history.filter((e) => e.step === 'matched').map((e) => e.units ?? 0),
  );
  if (matched === 0) return history.find((e) => e.step === 'matched')?.at;
  return history.find((e) => e.step === 'quarantined' && (e.units ?? 0) >= matched)?.at;
}

/**
 * Recall response time per class: from the notice reaching the facility (the case's `received`
 * step) to all matched units quarantined, and to the case closed; median and p90 over the cases
 * received in the period.
 */
export function recallResponse(
  cases: Iterable<RecallCase>,
  notices: Iterable<Pick<RecallNotice, 'id' | 'class'>>,
  period: Period,
): RecallResponse {
  const classOf = new Map([...notices].map((n) => [n.id, n.class]));
  const times: RecallCaseTimes[] = [];
  for (const rc of cases) {
    const received = rc.history.find((e) => e.step === 'received')?.at;
    const recallClass = classOf.get(rc.noticeId);
    if (received === undefined || recallClass === undefined || !inPeriod(received, period))
      continue;
    times.push({
      caseId: rc.id,
      facilityId: rc.facilityId,
      noticeId: rc.noticeId,
      recallClass,
      receivedAt: received,
      hoursToQuarantined: hoursBetween(received, allQuarantinedAt(rc.history)),
      hoursToClosed: hoursBetween(received, rc.history.find((e) => e.step === 'closed')?.at),
    });
  }
  const known = (values: (number | null)[]) => values.filter((v): v is number => v !== null);
  return {
    byClass: RECALL_CLASSES.map((recallClass) => {
      const of = times.filter((t) => t.recallClass === recallClass);
      return {
        recallClass,
        toQuarantined: spread(known(of.map((t) => t.hoursToQuarantined))),
        toClosed: spread(known(of.map((t) => t.hoursToClosed))),
      };
    }),
    cases: times,
  };
}
