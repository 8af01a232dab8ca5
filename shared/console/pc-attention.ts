import type { PcHealth } from './api-shapes';

/** A stockroom PC that has not been heard from for this long stands out in the console. */
export const QUIET_AFTER_MS = 4 * 3_600_000;
/** A token this close to its end is named, so the PC is enrolled again in time. */
export const TOKEN_ENDING_MS = 7 * 86_400_000;

export type PcConcern = 'quiet' | 'gaps' | 'refused' | 'token-ending' | 'revoked';

/**
 * What about a PC needs a person, most pressing first. A PC never heard from counts as quiet once
 * it has been enrolled for the quiet time. Time is a parameter.
 */
export function pcConcerns(pc: PcHealth, now: Date): PcConcern[] {
  if (pc.revokedAt) return ['revoked'];
  const concerns: PcConcern[] = [];
  const heard = Date.parse(pc.lastContactAt ?? pc.enrolledAt);
  if (now.getTime() - heard > QUIET_AFTER_MS) concerns.push('quiet');
  if (pc.gaps.length > 0) concerns.push('gaps');
  if (pc.refusedPushes > 0) concerns.push('refused');
  if (Date.parse(pc.tokenExpiresAt) - now.getTime() < TOKEN_ENDING_MS)
    concerns.push('token-ending');
  return concerns;
}

export const PC_CONCERN_WORDS: Record<PcConcern, string> = {
  quiet: 'Quiet: not heard from for over 4 hours',
  gaps: 'Events missing (sequence gaps)',
  refused: 'Pushes refused',
  'token-ending': 'Token ends within 7 days',
  revoked: 'Revoked',
};
