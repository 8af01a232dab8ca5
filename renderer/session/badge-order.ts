import type { User } from '../../shared/model';
import type { StockroomDatabase } from '../store/collections';

/**
 * The order a badge scan tries people's verifiers in. Each person's badge verifier has its own
 * salt, so a scan costs one Argon2id derivation (about 80 ms in Chromium here) per person tried
 * before the match: the demo's tech, last by id, waited 420 ms. The people who sign in on this PC
 * are mostly the people who signed in on it lately, so they are tried first, most recent first,
 * then the rest of this facility's people, then everyone else. A badge nobody holds still checks
 * every verifier, as it must.
 */
type LocalDocs = Pick<StockroomDatabase, 'getLocal' | 'upsertLocal'>;

const KEY = 'recent-sign-ins';
/** More than a stockroom's staff across its shifts; the list only orders, it never admits. */
export const RECENT_KEPT = 50;

interface RecentSignIns {
  userIds: string[];
}

export async function recentSignIns(db: LocalDocs): Promise<string[]> {
  const doc = await db.getLocal<RecentSignIns>(KEY);
  const ids = doc ? (doc.toJSON().data as RecentSignIns).userIds : [];
  return Array.isArray(ids) ? ids.filter((id) => typeof id === 'string') : [];
}

/** Called after a successful sign-in, by badge or PIN. */
export async function rememberSignIn(db: LocalDocs, userId: string): Promise<void> {
  const before = await recentSignIns(db);
  const userIds = [userId, ...before.filter((id) => id !== userId)].slice(0, RECENT_KEPT);
  await db.upsertLocal<RecentSignIns>(KEY, { userIds });
}

export function inBadgeOrder(
  users: readonly User[],
  recent: readonly string[],
  facilityId: string,
): User[] {
  const rank = new Map(recent.map((id, n) => [id, n]));
  const group = (u: User) => (rank.has(u.id) ? 0 : u.facilityIds.includes(facilityId) ? 1 : 2);
  // Array.prototype.sort is stable: people of one group keep the order they came in.
  return [...users].sort(
    (a, b) => group(a) - group(b) || (rank.get(a.id) ?? 0) - (rank.get(b.id) ?? 0),
  );
}
