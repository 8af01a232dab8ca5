import { sql } from 'kysely';
import type { Transaction } from 'kysely';
import type { Database } from '../db/schema';

export interface ChangeNotice {
  collection: string;
  /** Facilities that can see the change; null when every facility can (global collections). */
  facilities: string[] | null;
}

/**
 * NOTIFY inside the writing transaction: PostgreSQL delivers it only on commit, to every process
 * listening on the database (and PGlite to its own listeners), so a live stream never announces a
 * change a pull cannot see yet.
 */
export async function notifyChange(
  trx: Transaction<Database>,
  channel: string,
  notice: ChangeNotice,
): Promise<void> {
  await sql`select pg_notify(${channel}, ${JSON.stringify(notice)})`.execute(trx);
}

export function parseNotice(payload: string): ChangeNotice | null {
  try {
    const value = JSON.parse(payload) as Partial<ChangeNotice>;
    if (typeof value.collection !== 'string') return null;
    return {
      collection: value.collection,
      facilities: Array.isArray(value.facilities) ? value.facilities : null,
    };
  } catch {
    return null;
  }
}
