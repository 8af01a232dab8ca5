import type { SignInOutcome } from '../model';
import type { PermissionErrorCode } from './decide';

/** The sign-in audit's outcomes for a right badge or PIN on an account that may not act here. */
export type AccountRefusalOutcome = Extract<SignInOutcome, 'user-inactive' | 'not-at-facility'>;

const OUTCOMES: Partial<Record<PermissionErrorCode, AccountRefusalOutcome>> = {
  USER_INACTIVE: 'user-inactive',
  USER_NOT_AT_FACILITY: 'not-at-facility',
};

/**
 * How the audit records checkMember's refusal of a person whose badge or PIN was right: a left
 * employee's badge, or one carried to another site. Undefined for refusals that are not about the
 * account itself.
 */
export function accountRefusalOutcome(
  code: PermissionErrorCode,
): AccountRefusalOutcome | undefined {
  return OUTCOMES[code];
}
