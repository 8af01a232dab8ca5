import type { Role, User } from '../../shared/model';
import {
  accountRefusalOutcome,
  checkMember,
  type AccountRefusalOutcome,
} from '../../shared/permissions';
import { verifySecret } from './credentials';

export interface SignedInUser {
  id: string;
  name: string;
  role: Role;
}

export type SignInError =
  | { code: 'badge-unknown' | 'not-a-badge' | 'pin-wrong' | 'locked-out'; message: string }
  | {
      code: AccountRefusalOutcome;
      message: string;
      /** Whose badge or PIN it was: the audit names them. */
      userId: string;
    };
export type SignInResult = { ok: true; user: SignedInUser } | { ok: false; error: SignInError };

/** A person whose badge or PIN was right signs in only if they may act at this stockroom. */
function admit(user: User, facilityId: string): SignInResult {
  const member = checkMember(user.id, user, facilityId);
  if (member.ok) return { ok: true, user: { id: user.id, name: user.name, role: user.role } };
  // Given the user itself, checkMember can only refuse the account: switched off, or elsewhere.
  const code = accountRefusalOutcome(member.error.code) ?? 'user-inactive';
  return { ok: false, error: { code, message: member.error.message, userId: user.id } };
}

/**
 * A badge scan signs in whoever's badge hash matches; each user has their own salt, so this checks
 * one verifier per user (about 0.1–0.3 s each): fine for a stockroom's few dozen people.
 */
export async function signInWithBadge(
  users: readonly User[],
  badge: string,
  facilityId: string,
): Promise<SignInResult> {
  const code = badge.trim();
  for (const user of users) {
    if (await verifySecret(code, user.salt, user.badgeHash)) return admit(user, facilityId);
  }
  return {
    ok: false,
    error: {
      code: 'badge-unknown',
      message:
        'This badge is not known here. Sign in with your name and PIN, or ask a supervisor to register the badge.',
    },
  };
}

export async function signInWithPin(
  user: User,
  pin: string,
  facilityId: string,
): Promise<SignInResult> {
  if (!(await verifySecret(pin.trim(), user.salt, user.pinHash))) {
    return {
      ok: false,
      error: { code: 'pin-wrong', message: 'That PIN is not right. Try again.' },
    };
  }
  return admit(user, facilityId);
}
