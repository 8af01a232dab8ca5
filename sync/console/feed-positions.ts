import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { readableSeqCeiling } from '../store/sequenced';

/**
 * Where a key reads the ERP events feed: the cursor it asked from (`after`) is what it has
 * consumed. Kept per key, the newest read wins, so the console can say how far behind it is.
 */
export async function recordFeedPosition(
  db: Kysely<Database>,
  keyId: string,
  after: number,
): Promise<void> {
  await db
    .insertInto('api_key_feed_positions')
    .values({ key_id: keyId, position: after, read_at: new Date() })
    .onConflict((oc) =>
      oc.column('key_id').doUpdateSet({ position: after, read_at: sql<Date>`now()` }),
    )
    .execute();
}

export interface FeedPosition {
  keyId: string;
  keyName: string;
  position: number | null;
  readAt: string | null;
  /** Stock events recorded after the key's position: what it has not read yet. */
  behind: number;
  latest: number;
}

/** Every live key that may read the feed, with its position and how many events it has not read. */
export async function feedPositions(db: Kysely<Database>): Promise<FeedPosition[]> {
  // What the feed would serve now: nothing above the readable ceiling counts yet.
  const ceiling = await readableSeqCeiling(db);
  const latest = Number(
    (
      await db
        .selectFrom('documents')
        .select(sql<number>`coalesce(max(seq), 0)`.as('latest'))
        .where('collection', '=', 'stock_events')
        .where('seq', '<=', ceiling)
        .executeTakeFirstOrThrow()
    ).latest,
  );
  const keys = await db
    .selectFrom('api_keys as k')
    .leftJoin('api_key_feed_positions as p', 'p.key_id', 'k.id')
    .select(['k.id', 'k.name', 'k.scopes', 'p.position', 'p.read_at'])
    .where('k.revoked_at', 'is', null)
    .orderBy('k.name')
    .execute();
  const readers = keys.filter((k) => k.scopes.includes('events:read'));
  return Promise.all(
    readers.map(async (k) => {
      const position = k.position === null ? null : Number(k.position);
      const behind = await db
        .selectFrom('documents')
        .select(sql<number>`count(*)::int`.as('n'))
        .where('collection', '=', 'stock_events')
        .where('seq', '>', position ?? 0)
        .where('seq', '<=', ceiling)
        .executeTakeFirstOrThrow();
      return {
        keyId: k.id,
        keyName: k.name,
        position,
        readAt: k.read_at?.toISOString() ?? null,
        behind: Number(behind.n),
        latest,
      };
    }),
  );
}
