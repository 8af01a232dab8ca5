import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema';

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
  deviceId: string;
  from: number;
  to: number;
  seenAt: Date;
}

/**
 * A facility's gaps and when each was seen, in one statement: a PC that skipped thousands of
 * numbers must not cost the console's queue a query per gap.
 */
export async function sequenceGapsSeen(
  db: Kysely<Database>,
  facilityId: string,
): Promise<SeenGap[]> {
  const { rows } = await sql<{
    device_id: string;
    gap_from: number;
    gap_to: number;
    seen_at: Date;
  }>`
    select device_id, prev + 1 as gap_from, seq - 1 as gap_to, seen_at from (
      select event_device_id as device_id, event_device_seq as seq,
             coalesce(lag(event_device_seq) over (partition by event_device_id order by event_device_seq), 0) as prev,
             -- The earliest arrival of this event or any later one: the gap before it was seen then.
             min(recorded_at) over (partition by event_device_id order by event_device_seq desc) as seen_at
      from documents
      where collection = 'stock_events' and ${facilityId} = any(facilities)
    ) ordered
    where seq - prev > 1
    order by device_id, gap_from
    limit 10000`.execute(db);
  return rows.map((r) => ({
    deviceId: r.device_id,
    from: Number(r.gap_from),
    to: Number(r.gap_to),
    seenAt: new Date(r.seen_at),
  }));
}
