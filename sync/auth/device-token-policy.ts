/** How long a device token lives, and when and how it is renewed while the device syncs. */
export interface DeviceTokenPolicy {
  /** A token's life from when it is handed out (DEVICE_TOKEN_TTL_DAYS). */
  ttlMs: number;
  /**
   * How long a token replaced by a renewal is still accepted (DEVICE_TOKEN_OVERLAP_HOURS): a PC
   * whose renewal answer was lost, or that had requests in flight, keeps working meanwhile.
   */
  overlapMs: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;

export const DEFAULT_DEVICE_TOKEN_POLICY: DeviceTokenPolicy = {
  ttlMs: 30 * DAY_MS,
  overlapMs: DAY_MS,
};

/**
 * A renewal is offered at most this often per device: a PC pushing a backlog sends many requests
 * at once with the same token, and each would otherwise mint a token of its own.
 */
export const RENEWAL_SPACING_MS = 60_000;

/**
 * Renewal is due once the current token is in the last third of its life, or at once when the
 * device still calls with a replaced token (it never stored the new one): at most once a minute.
 */
export function renewalDue(
  policy: DeviceTokenPolicy,
  now: Date,
  current: { issuedAt: Date; expiresAt: Date },
  calledWithReplacedToken: boolean,
): boolean {
  if (now.getTime() - current.issuedAt.getTime() < RENEWAL_SPACING_MS) return false;
  return calledWithReplacedToken || current.expiresAt.getTime() - now.getTime() <= policy.ttlMs / 3;
}
