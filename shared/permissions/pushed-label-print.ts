import type { LabelPrint } from '../model';
import { authorize, type PersonResult } from './decide';
import type { PushedCheck } from './pushed-workflow';

/**
 * A replacement label as a PC pushes its record: printed on that PC, by an active user of the
 * facility whose role may print labels. The record is the audit trail of every lot and expiry put
 * on a unit by hand, so it must name a real person.
 */
export function checkPushedLabelPrint(
  pushed: LabelPrint,
  deviceId: string,
  people: (id: string) => PersonResult,
): PushedCheck {
  const what = `Label print ${pushed.id}`;
  if (pushed.deviceId !== deviceId) {
    return {
      ok: false,
      error: {
        code: 'DEVICE_MISMATCH',
        message: `${what} says it was printed on PC "${pushed.deviceId}", but this is PC "${deviceId}": a PC sends only its own. Nothing was stored.`,
      },
    };
  }
  const who = people(pushed.actorId);
  if (!who.ok)
    return { ok: false, error: { code: who.error.code, message: `${what}: ${who.error.message}` } };
  const allowed = authorize('label.print', { actor: who.person });
  if (!allowed.ok) {
    return {
      ok: false,
      error: { code: allowed.error.code, message: `${what}: ${allowed.error.message}` },
    };
  }
  return { ok: true };
}
