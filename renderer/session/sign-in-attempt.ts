import { stockLabelWords } from '../../shared/barcode/stock-label';
import { localToday } from '../app/services';
import type { User } from '../../shared/model';
import type { StockroomDatabase } from '../store/collections';
import { inBadgeOrder, recentSignIns, rememberSignIn } from './badge-order';
import { checkLockout, clearFailures, recordFailure, triesLeftMessage } from './lockout';
import { signInWithBadge, signInWithPin, type SignInError, type SignInResult } from './sign-in';
import { recordSignIn, type SignInPlace } from './sign-in-audit';

type SignInStore = Pick<StockroomDatabase, 'getLocal' | 'upsertLocal' | 'sign_in_events'>;

/**
 * The sign-in screen's PIN path: a locked person's PIN is not checked, a wrong one counts towards
 * the lockout, and every outcome goes to the centre's audit log.
 */
export async function attemptPinSignIn(
  db: SignInStore,
  user: User,
  pin: string,
  place: SignInPlace,
  now: Date,
): Promise<SignInResult> {
  const lockout = await checkLockout(db, user.id, now);
  if (lockout.locked) {
    return { ok: false, error: { code: 'locked-out', message: lockout.message } };
  }
  const result = await signInWithPin(user, pin, place.facilityId);
  if (!result.ok && result.error.code === 'pin-wrong') {
    const after = await recordFailure(db, user.id, place, now);
    if (after.locked) return { ok: false, error: { code: 'locked-out', message: after.message } };
    return { ok: false, error: { code: 'pin-wrong', message: triesLeftMessage(after.failures) } };
  }
  if (result.ok) {
    await Promise.all([
      clearFailures(db, user.id),
      rememberSignIn(db, user.id),
      recordSignIn(db, place, { userId: user.id, method: 'pin', outcome: 'signed-in' }, now),
    ]);
  } else {
    await auditAccountRefusal(db, place, 'pin', result.error, now);
  }
  return result;
}

/** The sign-in screen's badge path, audited: a known badge, an unknown one, or a refused account. */
export async function attemptBadgeSignIn(
  db: SignInStore,
  users: readonly User[],
  badge: string,
  place: SignInPlace,
  now: Date,
): Promise<SignInResult> {
  // A box scanned at the prompt is said at once: no verifier is tried, and it is no sign-in
  // attempt, so nothing is audited.
  const label = stockLabelWords(badge, localToday(now));
  if (label) {
    return {
      ok: false,
      error: {
        code: 'not-a-badge',
        message: `That was ${label}, not a badge. Scan your badge, or choose your name and enter your PIN.`,
      },
    };
  }
  const order = inBadgeOrder(users, await recentSignIns(db), place.facilityId);
  const result = await signInWithBadge(order, badge, place.facilityId);
  if (result.ok) {
    await Promise.all([
      rememberSignIn(db, result.user.id),
      recordSignIn(
        db,
        place,
        { userId: result.user.id, method: 'badge', outcome: 'signed-in' },
        now,
      ),
    ]);
  } else if (result.error.code === 'badge-unknown') {
    await recordSignIn(db, place, { method: 'badge', outcome: 'badge-unknown' }, now);
  } else {
    await auditAccountRefusal(db, place, 'badge', result.error, now);
  }
  return result;
}

/**
 * The secret was right but the account may not sign in here: switched off, or not set up for this
 * stockroom. A left employee's badge, or a badge carried to another site, is what the audit is for.
 */
async function auditAccountRefusal(
  db: SignInStore,
  place: SignInPlace,
  method: 'badge' | 'pin',
  error: SignInError,
  now: Date,
): Promise<void> {
  if (error.code !== 'user-inactive' && error.code !== 'not-at-facility') return;
  await recordSignIn(db, place, { userId: error.userId, method, outcome: error.code }, now);
}
