import type { SignInMethod, SignInOutcome } from '../../shared/model';
import { randomId } from '../platform/random-id';
import type { StockroomDatabase } from '../store/collections';

/** Where an attempt happened: this PC and the stockroom it serves. */
export interface SignInPlace {
  facilityId: string;
  deviceId: string;
}

export interface SignInAttempt {
  userId?: string;
  method: SignInMethod;
  outcome: SignInOutcome;
  lockedUntil?: string;
}

/**
 * Appends one attempt to `sign_in_events`, which goes up to the centre's audit log with the next
 * sync. An audit line that cannot be written must not keep a person from working, so a failure is
 * logged, not thrown.
 */
export async function recordSignIn(
  db: Pick<StockroomDatabase, 'sign_in_events'>,
  place: SignInPlace,
  attempt: SignInAttempt,
  now: Date,
): Promise<void> {
  try {
    await db.sign_in_events.insert({
      id: randomId('SGN'),
      facilityId: place.facilityId,
      deviceId: place.deviceId,
      ...(attempt.userId ? { userId: attempt.userId } : {}),
      method: attempt.method,
      outcome: attempt.outcome,
      ...(attempt.lockedUntil ? { lockedUntil: attempt.lockedUntil } : {}),
      occurredAt: now.toISOString(),
    });
  } catch (error) {
    console.error('sign-in attempt not recorded', error);
  }
}
