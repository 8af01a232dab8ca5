import { ANOMALY_WINDOW_DAYS, anomalyFlagId, anomalyWindow } from '../indicators/anomaly-flags';
import { isoDateFromDays, parseIsoDate } from '../inventory/calendar';
import type { AnomalyDecision } from '../model/anomaly-decision';
import { authorize, type PersonResult } from './decide';

/** What went wrong with a decision, and which answer it deserves (the endpoint's status). */
export type AnomalyDecisionRefusal = {
  code: string;
  message: string;
  /**
   * 'input': a 400 (the record itself is wrong); 'permission': a 403 (who or where); 'unknown':
   * a 422 (it names an item or a place the centre does not know).
   */
  kind: 'input' | 'permission' | 'unknown';
};

const refuse = (kind: AnomalyDecisionRefusal['kind'], code: string, message: string) =>
  ({ ok: false, error: { code, message, kind } }) as const;

/**
 * The one check of a decision on a usage anomaly flag, run by the PC before it keeps one and by
 * the centre before it stores one: made at this facility on this PC, naming the flag it decides,
 * with a note that says something, by an active user of the facility whose role may decide flags,
 * and never by the person whose removals were flagged.
 */
export function checkAnomalyDecision(
  decision: AnomalyDecision,
  where: { facilityId: string; deviceId: string },
  people: (id: string) => PersonResult,
): { ok: true } | { ok: false; error: AnomalyDecisionRefusal } {
  const what = `The decision on flag ${decision.id}`;
  if (decision.facilityId !== where.facilityId) {
    return refuse(
      'permission',
      'FACILITY_MISMATCH',
      `${what} names facility "${decision.facilityId}", but this PC belongs to "${where.facilityId}". Nothing was stored.`,
    );
  }
  if (decision.centre !== undefined) {
    return refuse(
      'permission',
      'CENTRE_ONLY',
      `${what} claims to have been made in the console: only the centre records those. Nothing was stored.`,
    );
  }
  if (decision.deviceId !== where.deviceId) {
    return refuse(
      'permission',
      'DEVICE_MISMATCH',
      `${what} says it was made on PC "${decision.deviceId}", but this is PC "${where.deviceId}": a PC sends only its own. Nothing was stored.`,
    );
  }
  if (decision.id !== anomalyFlagId(decision.facilityId, decision)) {
    return refuse(
      'input',
      'FLAG_ID_MISMATCH',
      `${what} does not match the flag it describes (${decision.kind}, ${decision.itemId} at ${decision.locationId}, ${decision.date}). Nothing was stored.`,
    );
  }
  if ((decision.kind === 'person') !== (decision.actorId !== undefined)) {
    return refuse(
      'input',
      'FLAG_ACTOR',
      `${what}: a person flag names whose removals it is, and only a person flag does.`,
    );
  }
  if (decision.note.trim() === '') {
    return refuse(
      'input',
      'NOTE_REQUIRED',
      'Write a note saying why you confirm or dismiss this flag: a decision without one cannot be kept.',
    );
  }
  const who = people(decision.decidedBy);
  if (!who.ok) return refuse('permission', who.error.code, who.error.message);
  const allowed = authorize('anomaly.decide', { actor: who.person });
  if (!allowed.ok) return refuse('permission', allowed.error.code, allowed.error.message);
  if (decision.kind === 'person' && decision.actorId === decision.decidedBy) {
    return refuse(
      'permission',
      'SEGREGATION_OF_DUTIES',
      'These are your own removals: another supervisor must confirm or dismiss this flag.',
    );
  }
  return { ok: true };
}

/** A decision sent again (a retry, a second PC's copy) is the same when it says the same. */
export function sameAnomalyDecision(a: AnomalyDecision, b: AnomalyDecision): boolean {
  return (
    a.id === b.id &&
    a.decision === b.decision &&
    a.note === b.note &&
    a.decidedBy === b.decidedBy &&
    a.decidedAt === b.decidedAt
  );
}

/**
 * Days of difference allowed between a PC's today and the centre's: a PC in a time zone ahead of
 * the centre's (or with a clock a little fast) is already on tomorrow's date.
 */
export const FLAG_CLOCK_SLACK_DAYS = 1;

/**
 * How long after a flag left the PC's week of flags its decision may still reach the centre: 30
 * days, the default life of a device token (sync/auth/device-token-policy.ts). A PC that has been
 * offline longer than that cannot sync at all until it is enrolled again, so no decision can
 * honestly arrive later; and it is far beyond the few days a PC is usually offline.
 */
export const FLAG_DECISION_LATE_DAYS = 30;

/**
 * The dates a flag decided now can carry, for the centre's `today` (days since 1970-01-01): from
 * the oldest day of a PC's week of flags (shared/indicators anomalyWindow) that went offline
 * FLAG_DECISION_LATE_DAYS ago, to tomorrow (clock slack either side).
 */
export function decidableFlagDates(today: number): { earliest: number; latest: number } {
  return {
    earliest: anomalyWindow(today).from - FLAG_DECISION_LATE_DAYS - FLAG_CLOCK_SLACK_DAYS,
    latest: anomalyWindow(today).to + FLAG_CLOCK_SLACK_DAYS,
  };
}

/** What the centre knows of the names in a decision, looked up by the caller. */
export interface FlagSubjects {
  /** Whether the item is in the item master, or is a pending item of the facility. */
  itemKnown: boolean;
  /** The facility of the named location; undefined when there is no such location. */
  locationFacilityId: string | undefined;
}

/**
 * Whether the flag a decision names could have been raised on a PC of this facility: a day of
 * its week of flags (with the slack of decidableFlagDates), an item the centre knows, a location
 * of the facility. Without it a supervisor could dismiss a future flag in advance (one decision
 * stands per flag). It does not ask whether the centre computed the flag itself: the PC computes
 * flags from its own ledger, and the events behind one may reach the centre after the decision.
 */
export function checkFlagCouldBeRaised(
  decision: AnomalyDecision,
  today: number,
  subjects: FlagSubjects,
): { ok: true } | { ok: false; error: AnomalyDecisionRefusal } {
  const what = `The decision on flag ${decision.id}`;
  const day = parseIsoDate(decision.date);
  const { earliest, latest } = decidableFlagDates(today);
  if (day === undefined || day > latest) {
    return refuse(
      'input',
      'FLAG_DATE_FUTURE',
      `${what} is for ${decision.date}, a day that has not come yet (today is ${isoDateFromDays(today)} at the centre): a flag is raised on usage already recorded. Check this PC's date and time. Nothing was stored.`,
    );
  }
  if (day < earliest) {
    return refuse(
      'input',
      'FLAG_DATE_TOO_OLD',
      `${what} is for ${decision.date}, older than any flag a stockroom still shows (flags cover the last ${ANOMALY_WINDOW_DAYS} days; the centre takes decisions on days from ${isoDateFromDays(earliest)}). Check this PC's date and time. Nothing was stored.`,
    );
  }
  if (!subjects.itemKnown) {
    return refuse(
      'unknown',
      'ITEM_UNKNOWN',
      `${what} names item ${decision.itemId}, which the centre does not know: a flag is raised only on items of the item master. Let this PC sync its items, then decide the flag again. Nothing was stored.`,
    );
  }
  if (subjects.locationFacilityId === undefined) {
    return refuse(
      'unknown',
      'LOCATION_UNKNOWN',
      `${what} names location ${decision.locationId}, which the centre does not know. Let this PC sync its locations, then decide the flag again. Nothing was stored.`,
    );
  }
  if (subjects.locationFacilityId !== decision.facilityId) {
    return refuse(
      'permission',
      'LOCATION_NOT_OF_FACILITY',
      `${what} names location ${decision.locationId}, which belongs to facility "${subjects.locationFacilityId}", not "${decision.facilityId}": a PC decides only flags of its own facility's locations. Nothing was stored.`,
    );
  }
  return { ok: true };
}
