import { HOUR_MS, inPeriod, instantOf, type Period } from './period';
import { tailSpread, type TailSpread } from './stats';

/** A stockroom PC as the centre knows it: when it last called in with a valid token. */
export interface PcContact {
  deviceId: string;
  facilityId: string;
  /** The last successful push or pull (the centre records contact on every authenticated call). */
  lastContactAt: string | null;
  revoked: boolean;
}

/** One stock event as received: the PC's time of the deed and the centre's time of receipt. */
export interface ReceivedEvent {
  facilityId: string;
  occurredAt: string;
  receivedAt: string;
}

export interface FacilitySyncLag {
  facilityId: string;
  /** Active PCs of the facility (revoked ones are gone, not behind). */
  pcs: number;
  /** Active PCs that have never called in since enrolment. */
  neverContacted: number;
  /** Hours since each active PC's last contact, at `now`. */
  contactAgeHours: TailSpread;
  /** Hours from occurred to received, over the events received in the period. */
  eventDelayHours: TailSpread;
}

const hoursBetween = (from: string, to: number): number | undefined => {
  const at = instantOf(from);
  // A PC whose clock runs ahead makes an event look received before it happened: no lag, not a
  // negative one, so a skewed clock cannot hide another PC's real delay in the median.
  return at === undefined ? undefined : Math.max(0, to - at) / HOUR_MS;
};

/**
 * Sync lag per facility: how long since each PC last reached the centre (judged at `now`), and how
 * late the events received in the period arrived (received − occurred); median, p90 and maximum,
 * the maximum being the oldest event that came in late.
 */
export function syncLag(
  facilityIds: readonly string[],
  pcs: Iterable<PcContact>,
  events: Iterable<ReceivedEvent>,
  period: Period,
  now: string,
): FacilitySyncLag[] {
  const nowMs = instantOf(now) ?? 0;
  const ages = new Map<string, number[]>(facilityIds.map((f) => [f, []]));
  const counts = new Map<string, { pcs: number; never: number }>(
    facilityIds.map((f) => [f, { pcs: 0, never: 0 }]),
  );
  for (const pc of pcs) {
    const count = counts.get(pc.facilityId);
    if (count === undefined || pc.revoked) continue;
    count.pcs += 1;
    const age = pc.lastContactAt === null ? undefined : hoursBetween(pc.lastContactAt, nowMs);
    if (age === undefined) count.never += 1;
    else ages.get(pc.facilityId)?.push(age);
  }
  const delays = new Map<string, number[]>(facilityIds.map((f) => [f, []]));
  for (const e of events) {
    const received = instantOf(e.receivedAt);
    if (received === undefined || !inPeriod(e.receivedAt, period)) continue;
    const delay = hoursBetween(e.occurredAt, received);
    if (delay !== undefined) delays.get(e.facilityId)?.push(delay);
  }
  return facilityIds.map((facilityId) => ({
    facilityId,
    pcs: counts.get(facilityId)?.pcs ?? 0,
    neverContacted: counts.get(facilityId)?.never ?? 0,
    contactAgeHours: tailSpread(ages.get(facilityId) ?? []),
    eventDelayHours: tailSpread(delays.get(facilityId) ?? []),
  }));
}
