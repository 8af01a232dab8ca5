import { anomalyFlagId } from '../indicators/anomaly-flags';
import type { AnomalyDecision } from '../model/anomaly-decision';
import { authorize, type PersonResult } from './decide';

/** What went wrong with a decision, and which answer it deserves (the endpoint's status). */
export type AnomalyDecisionRefusal = {
  code: string;
  message: string;
  /** 'input': a 400 (the record itself is wrong); 'permission': a 403 (who or where). */
  kind: 'input' | 'permission';
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
