import type { User } from '../../shared/model';
import type { StockroomDatabase } from '../store/collections';
import { checkLockout, clearFailures, recordFailure, triesLeftMessage } from './lockout';
import { signInWithPin } from './sign-in';
import type { SignInPlace } from './sign-in-audit';

type PinStore = Pick<StockroomDatabase, 'getLocal' | 'upsertLocal' | 'sign_in_events'>;

/** Why the signed-in person's own PIN did not confirm a step; `pin-*` are about the field. */
export type OwnPinRefusal = {
  code: 'pin-missing' | 'pin-wrong' | 'locked-out' | 'user-inactive' | 'not-at-facility';
  message: string;
};

/**
 * The signed-in person proves again who they are before a step that asks it (DOMAIN.md §6: recall
 * disposition and closing). Their PIN is under the same lockout as at sign-in, or the step-up would
 * be a way to guess it without limit: a locked PIN is not checked, and a wrong one counts and is
 * audited as a step-up.
 */
export async function confirmOwnPin(
  db: PinStore,
  user: User,
  pin: string,
  place: SignInPlace,
  now: Date,
): Promise<OwnPinRefusal | undefined> {
  if (pin.trim() === '') {
    return { code: 'pin-missing', message: 'Enter your own PIN to confirm this step.' };
  }
  const lockout = await checkLockout(db, user.id, now);
  if (lockout.locked) return { code: 'locked-out', message: lockout.message };
  const checked = await signInWithPin(user, pin, place.facilityId);
  if (checked.ok) {
    await clearFailures(db, user.id);
    return undefined;
  }
  if (checked.error.code !== 'pin-wrong') {
    const code = checked.error.code === 'not-at-facility' ? 'not-at-facility' : 'user-inactive';
    return { code, message: checked.error.message };
  }
  const after = await recordFailure(db, user.id, place, now, 'step-up');
  if (after.locked) return { code: 'locked-out', message: after.message };
  return { code: 'pin-wrong', message: triesLeftMessage(after.failures) };
}
