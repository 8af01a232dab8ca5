import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { textArray } from './json';

export interface DeviceSequence {
  deviceId: string;
  lastSeq: number;
  received: number;
  /** Inclusive ranges of per-device sequence numbers the server has not received. */
  gaps: { from: number; to: number }[];
}

/**
 * Gaps are computed from the stored events each time, so a gap disappears as soon as the missing
 * event arrives: what is shown is always what is still pending.
 */
export async function deviceSequences(
  db: Kysely<Database>,
  facilityId: string,
): Promise<DeviceSequence[]> {
  const totals = await sql<{ device_id: string; last_seq: number; received: number }>`
    select event_device_id as device_id, max(event_device_seq) as last_seq, count(*)::int as received
    from documents
    where collection = 'stock_events' and ${facilityId} = any(facilities)
    group by event_device_id order by event_device_id`.execute(db);
  const gaps = await sql<{ device_id: string; gap_from: number; gap_to: number }>`
    select device_id, prev + 1 as gap_from, seq - 1 as gap_to from (
      select event_device_id as device_id, event_device_seq as seq,
             coalesce(lag(event_device_seq) over (partition by event_device_id order by event_device_seq), 0) as prev
      from documents
      where collection = 'stock_events' and ${facilityId} = any(facilities)
    ) ordered
    where seq - prev > 1
    order by device_id, gap_from
    limit 10000`.execute(db);
  return totals.rows.map((row) => ({
    deviceId: row.device_id,
    lastSeq: row.last_seq,
    received: row.received,
    gaps: gaps.rows
      .filter((g) => g.device_id === row.device_id)
      .map((g) => ({ from: g.gap_from, to: g.gap_to })),
  }));
}

/** A gap with when it was first seen: when the first event after it arrived. */
export interface SeenGap {
  facilityId: string;
  deviceId: string;
  from: number;
  to: number;
  seenAt: Date;
}

/** At most this many gaps per facility: a PC reset to 1 must not flood the queue. */
const GAPS_PER_FACILITY = 10_000;

/**
 * The gaps of several facilities and when each was seen, in one statement and one pass over the
 * stock events: the console's queue asks for every facility, and a statement per facility read
 * every event once per facility (20 s for 100 facilities and a million events, bench figure 12).
 * A PC that skipped thousands of numbers must not cost a query per gap either.
 */
export async function sequenceGapsSeenIn(
  db: Kysely<Database>,
  facilityIds: readonly string[],
): Promise<SeenGap[]> {
  if (facilityIds.length === 0) return [];
  const { rows } = await sql<{
    facility_id: string;
    device_id: string;
    gap_from: number;
    gap_to: number;
    seen_at: Date;
  }>`
    select facility_id, device_id, gap_from, gap_to, seen_at from (
      select facility_id, device_id, prev + 1 as gap_from, seq - 1 as gap_to, seen_at,
             row_number() over (partition by facility_id order by device_id, prev) as n
      from (
        select f.facility_id, d.event_device_id as device_id, d.event_device_seq as seq,
               coalesce(lag(d.event_device_seq) over ascending, 0) as prev,
               -- The earliest arrival of this event or any later one: the gap before it was seen then.
               min(d.recorded_at) over (partition by f.facility_id, d.event_device_id
                                        order by d.event_device_seq desc) as seen_at
        from documents d cross join lateral unnest(d.facilities) as f(facility_id)
        where d.collection = 'stock_events' and f.facility_id = any(${textArray(facilityIds)})
        window ascending as (partition by f.facility_id, d.event_device_id order by d.event_device_seq)
      ) ordered
      where seq - prev > 1
    ) numbered
    where n <= ${GAPS_PER_FACILITY}
    order by facility_id, device_id, gap_from`.execute(db);
  return rows.map((r) => ({
    facilityId: r.facility_id,
    deviceId: r.device_id,
    from: Number(r.gap_from),
    to: Number(r.gap_to),
    seenAt: new Date(r.seen_at),
  }));
}

/** One facility's gaps and when each was seen. */
export function sequenceGapsSeen(db: Kysely<Database>, facilityId: string): Promise<SeenGap[]> {
  return sequenceGapsSeenIn(db, [facilityId]);
}
