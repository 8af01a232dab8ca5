import type { Role, User } from '../../shared/model';
import { verifySecret } from './credentials';

export interface SignedInUser {
  id: string;
  name: string;
  role: Role;
}

export type SignInError =
  | { code: 'badge-unknown' | 'pin-wrong' | 'locked-out'; message: string }
  | {
      code: 'user-inactive' | 'not-at-facility';
      message: string;
      /** Whose badge or PIN it was: the audit names them. */
      userId: string;
    };
export type SignInResult = { ok: true; user: SignedInUser } | { ok: false; error: SignInError };

function admit(user: User, facilityId: string): SignInResult {
  if (!user.active) {
    return {
      ok: false,
      error: {
        code: 'user-inactive',
        message: `${user.name}'s account is switched off. Ask a supervisor.`,
        userId: user.id,
      },
    };
  }
  if (!user.facilityIds.includes(facilityId)) {
    return {
      ok: false,
      error: {
        code: 'not-at-facility',
        message: `${user.name} is not set up for this stockroom. Ask an administrator.`,
        userId: user.id,
      },
    };
  }
  return { ok: true, user: { id: user.id, name: user.name, role: user.role } };
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
