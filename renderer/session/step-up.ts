import { stockLabelWords } from '../../shared/barcode/stock-label';
import { localToday } from '../app/services';
import type { User } from '../../shared/model';
import {
  accountRefusalOutcome,
  checkMember,
  type Person,
  type PermissionErrorCode,
} from '../../shared/permissions';
import type { StockroomDatabase } from '../store/collections';
import { verifySecret } from './credentials';
import { checkLockout, clearFailures, recordFailure } from './lockout';
import { recordSignIn, type SignInPlace } from './sign-in-audit';

/** Where the step-up happens: its wrong PINs count towards the same lockout as sign-in's. */
export interface StepUpGuard {
  db: Pick<StockroomDatabase, 'getLocal' | 'upsertLocal' | 'sign_in_events'>;
  place: SignInPlace;
  now: Date;
}

/**
 * A second person proves who they are in the act itself: their badge and their PIN, checked here
 * against the local users, never an id a screen passes along. Writers call this; screens only
 * collect the two codes.
 */
export interface StepUpProof {
  badge: string;
  pin: string;
}

export type StepUpErrorCode =
  | 'STEP_UP_INCOMPLETE'
  | 'STEP_UP_BADGE_UNKNOWN'
  | 'STEP_UP_PIN_WRONG'
  | 'STEP_UP_LOCKED'
  | PermissionErrorCode;

export type StepUpResult =
  | { ok: true; person: Person & { name: string } }
  | { ok: false; error: { code: StepUpErrorCode; message: string } };

export async function verifyStepUp(
  users: readonly User[],
  proof: StepUpProof,
  facilityId: string,
  guard?: StepUpGuard,
): Promise<StepUpResult> {
  const badge = proof.badge.trim();
  const pin = proof.pin.trim();
  if (badge === '' || pin === '') {
    return {
      ok: false,
      error: {
        code: 'STEP_UP_INCOMPLETE',
        message: 'The second person scans their badge and enters their PIN.',
      },
    };
  }
  // A label on stock typed or scanned into the badge field is said at once, before any verifier.
  const label = stockLabelWords(badge, localToday(guard?.now));
  if (label) {
    return {
      ok: false,
      error: {
        code: 'STEP_UP_BADGE_UNKNOWN',
        message: `That was ${label}, not a badge. The second person scans their own badge.`,
      },
    };
  }
  let holder: User | undefined;
  for (const user of users) {
    if (await verifySecret(badge, user.salt, user.badgeHash)) {
      holder = user;
      break;
    }
  }
  if (!holder) {
    if (guard) {
      await recordSignIn(
        guard.db,
        guard.place,
        { method: 'step-up', outcome: 'badge-unknown' },
        guard.now,
      );
    }
    return {
      ok: false,
      error: {
        code: 'STEP_UP_BADGE_UNKNOWN',
        message: 'That badge is not known here. The second person scans their own badge.',
      },
    };
  }
  if (guard) {
    const lockout = await checkLockout(guard.db, holder.id, guard.now);
    if (lockout.locked) {
      return { ok: false, error: { code: 'STEP_UP_LOCKED', message: lockout.message } };
    }
  }
  if (!(await verifySecret(pin, holder.salt, holder.pinHash))) {
    const after = guard
      ? await recordFailure(guard.db, holder.id, guard.place, guard.now, 'step-up')
      : undefined;
    if (after?.locked) {
      return { ok: false, error: { code: 'STEP_UP_LOCKED', message: after.message } };
    }
    return {
      ok: false,
      error: {
        code: 'STEP_UP_PIN_WRONG',
        message: 'That PIN is not right for this badge. The second person enters their own PIN.',
      },
    };
  }
  if (guard) await clearFailures(guard.db, holder.id);
  const member = checkMember(holder.id, holder, facilityId, 'second person');
  if (!member.ok) {
    // Right badge and PIN, refused account: a left employee's badge confirming someone's act.
    const outcome = accountRefusalOutcome(member.error.code);
    if (guard && outcome) {
      await recordSignIn(
        guard.db,
        guard.place,
        { userId: holder.id, method: 'step-up', outcome },
        guard.now,
      );
    }
    return member;
  }
  return { ok: true, person: { ...member.person, name: holder.name } };
}
