import { conditionId } from '../console/exceptions';
import { isoDateFromDays } from '../inventory/calendar';
import type { AnomalyDecision } from '../model/anomaly-decision';
import { DEFAULT_ANOMALY_OPTIONS, type UsageAnomaly } from './usage-anomaly';

/** Days of flags a stockroom and the console's queue look at: the last week, today included. */
export const ANOMALY_WINDOW_DAYS = 7;

/**
 * The days whose usage is judged (`from`..`to`, days since 1970-01-01) and the first date whose
 * events the baseline needs (`since`), for `today` (days since 1970-01-01): the same window on the
 * PC and at the centre.
 */
export function anomalyWindow(today: number): { from: number; to: number; since: string } {
  const from = today - ANOMALY_WINDOW_DAYS + 1;
  return {
    from,
    to: today,
    since: isoDateFromDays(from - 7 * DEFAULT_ANOMALY_OPTIONS.baselineWeeks),
  };
}

type FlagNames = Pick<UsageAnomaly, 'kind' | 'itemId' | 'locationId' | 'actorId' | 'date'>;

/**
 * A flag's stable id, the same on every PC and at the centre: the console's condition id of the
 * flag, so a decision made on a PC names the item in the console's exception queue.
 */
export function anomalyFlagId(facilityId: string, flag: FlagNames): string {
  return conditionId(
    'usage-anomaly',
    facilityId,
    flag.kind,
    flag.itemId,
    flag.locationId,
    flag.actorId ?? '-',
    flag.date,
  );
}

export interface FlagWithDecision {
  id: string;
  flag: UsageAnomaly;
  decision: AnomalyDecision | undefined;
}

/** Each flag with the decision made on it, if any: open flags first, then the decided ones. */
export function flagsWithDecisions(
  facilityId: string,
  flags: readonly UsageAnomaly[],
  decisions: ReadonlyMap<string, AnomalyDecision>,
): FlagWithDecision[] {
  const all = flags.map((flag) => {
    const id = anomalyFlagId(facilityId, flag);
    return { id, flag, decision: decisions.get(id) };
  });
  return [...all.filter((f) => !f.decision), ...all.filter((f) => f.decision)];
}
