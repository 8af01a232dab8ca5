import type { RequestPriority, ServiceLevel, ServiceLevels } from '../model';

/**
 * The network's default service levels (DOMAIN.md §3): a STAT request is acknowledged within a
 * quarter of an hour. Routine requests have none by default: a facility that wants its routine
 * replenishment watched sets one in its policy.
 */
export const DEFAULT_SERVICE_LEVELS: Readonly<Partial<Record<RequestPriority, ServiceLevel>>> = {
  stat: { acknowledgeMinutes: 15, deliverMinutes: 120 },
  asap: { acknowledgeMinutes: 60, deliverMinutes: 480 },
  urgent: { acknowledgeMinutes: 240, deliverMinutes: 1440 },
};

/** The facility's levels over the defaults, priority by priority. */
export function serviceLevelsOf(policy?: {
  serviceLevels?: ServiceLevels | undefined;
}): Partial<Record<RequestPriority, ServiceLevel>> {
  return { ...DEFAULT_SERVICE_LEVELS, ...(policy?.serviceLevels ?? {}) };
}

/** Minutes to acknowledge, per priority: the targets the acknowledgement indicator measures against. */
export function acknowledgeTargets(
  levels: Partial<Record<RequestPriority, ServiceLevel>>,
): Partial<Record<RequestPriority, number>> {
  return Object.fromEntries(
    Object.entries(levels).map(([priority, level]) => [priority, level.acknowledgeMinutes]),
  );
}
