import type { User } from '../../shared/model';
import { checkMember, type Person, type PermissionErrorCode } from '../../shared/permissions';
import { verifySecret } from './credentials';

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
  'STEP_UP_INCOMPLETE' | 'STEP_UP_BADGE_UNKNOWN' | 'STEP_UP_PIN_WRONG' | PermissionErrorCode;

export type StepUpResult =
  | { ok: true; person: Person & { name: string } }
  | { ok: false; error: { code: StepUpErrorCode; message: string } };

export async function verifyStepUp(
  users: readonly User[],
  proof: StepUpProof,
  facilityId: string,
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
  let holder: User | undefined;
  for (const user of users) {
    if (await verifySecret(badge, user.salt, user.badgeHash)) {
      holder = user;
      break;
    }
  }
  if (!holder) {
    return {
      ok: false,
      error: {
        code: 'STEP_UP_BADGE_UNKNOWN',
        message: 'That badge is not known here. The second person scans their own badge.',
      },
    };
  }
  if (!(await verifySecret(pin, holder.salt, holder.pinHash))) {
    return {
      ok: false,
      error: {
        code: 'STEP_UP_PIN_WRONG',
        message: 'That PIN is not right for this badge. The second person enters their own PIN.',
      },
    };
  }
  const member = checkMember(holder.id, holder, facilityId, 'second person');
  if (!member.ok) return member;
  return { ok: true, person: { ...member.person, name: holder.name } };
}
