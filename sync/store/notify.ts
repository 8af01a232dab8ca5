import { sql, type RawBuilder } from 'kysely';
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
  await sql`select ${notifyCall(channel, notice)}`.execute(trx);
}

/** The `pg_notify` call itself, for a statement that sends the notice along with its writes. */
export function notifyCall(channel: string, notice: ChangeNotice): RawBuilder<unknown> {
  return sql`pg_notify(${channel}, ${JSON.stringify(notice)})`;
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
